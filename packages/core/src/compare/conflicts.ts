import { type Claim, type ClaimGroup, contentStems } from "../claims/index";
import { dayRange } from "../enrich/date-range";
import type { FactComparison } from "../schemas/comparison";
import type { Figure } from "../schemas/enrichment";
import type { Prepared, PreparedArticle } from "./prepare";
import { claimFigures, passage } from "./shared";

/**
 * Conflicts: the same quantity, date or attribution with values that cannot both be true, found only between
 * claims already aligned as the same fact (so "352 seats" in one article and "120 seats" in another, about
 * different things, are never compared). A difference of precision is compatible: "over 1,000" admits "1,200",
 * "March" admits "March 19", a round "350" admits "352", an unnamed official admits a named one.
 */

interface Interval {
  lo: number;
  hi: number;
  /** Whether the bounds themselves belong to it (a rounded "550" is [545, 555)). */
  loIn: boolean;
  hiIn: boolean;
}

/** The rounding a written number implies: "1,200" ±50, "550 billion" ±5 billion, "3.5%" ±0.05, "352" none. */
function roundingStep(figure: Figure): number {
  const digits = /(\d[\d,]*)(?:\.(\d+))?/.exec(figure.text);
  if (!digits) return 0;
  const whole = digits[1]!.replace(/,/g, "");
  const written = Number(`${whole}${digits[2] ? `.${digits[2]}` : ""}`);
  if (!written || !Number.isFinite(written)) return 0;
  const scale = figure.value / written;
  if (digits[2]) return 10 ** -digits[2].length * scale;
  const zeros = /0*$/.exec(whole)![0].length;
  return zeros > 0 && zeros < whole.length ? 10 ** zeros * scale : 0;
}

function interval(figure: Figure): Interval {
  const v = figure.value;
  const half = roundingStep(figure) / 2;
  switch (figure.qualifier) {
    case "over":
      return { lo: v, hi: Number.POSITIVE_INFINITY, loIn: false, hiIn: true };
    case "at-least":
      return { lo: v, hi: Number.POSITIVE_INFINITY, loIn: true, hiIn: true };
    case "under":
      return { lo: Number.NEGATIVE_INFINITY, hi: v, loIn: true, hiIn: false };
    case "at-most":
      return { lo: Number.NEGATIVE_INFINITY, hi: v, loIn: true, hiIn: true };
    // "About" and "nearly": the usual reading of approximate counts in news copy is within a tenth.
    case "about":
      return { lo: v * 0.9 - half, hi: v * 1.1 + half, loIn: true, hiIn: true };
    case "nearly":
      return { lo: v * 0.9 - half, hi: v, loIn: true, hiIn: true };
    default:
      return half
        ? { lo: v - half, hi: v + half, loIn: true, hiIn: false }
        : { lo: v, hi: v, loIn: true, hiIn: true };
  }
}

const contains = (i: Interval, x: number) =>
  (x > i.lo || (i.loIn && x === i.lo)) && (x < i.hi || (i.hiIn && x === i.hi));

const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** "Compatible" when either figure's value lies in what the other admits; equal exact values are agreement. */
export function compareFigures(a: Figure, b: Figure): "agree" | "compatible" | "conflict" {
  if (sameValue(a.value, b.value) && a.qualifier === b.qualifier) return "agree";
  return contains(interval(a), b.value) || contains(interval(b), a.value) ? "compatible" : "conflict";
}

/** Figures measure the same thing when kind and unit match and their subjects (if both known) share a word. */
function comparable(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind || a.unit !== b.unit) return false;
  if (a.of !== null && b.of !== null && !sameValue(a.of, b.of)) return false;
  if (!a.subject || !b.subject) return true;
  const stems = new Set(contentStems(a.subject).stems);
  return contentStems(b.subject).stems.some((s) => stems.has(s));
}

function figureValue(f: Figure): string {
  const prefix = {
    exact: "",
    over: ">",
    under: "<",
    about: "~",
    "at-least": "≥",
    "at-most": "≤",
    nearly: "≲",
  }[f.qualifier];
  return `${prefix}${f.value}${f.unit ? ` ${f.unit}` : ""}`;
}

/** Date values precise enough to compare (a month or a day); a bare year is context, not a claim about a day. */
const PRECISE_DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;

export function compareDates(a: string, b: string): "agree" | "compatible" | "conflict" {
  if (a === b) return "agree";
  const ra = dayRange(a);
  const rb = dayRange(b);
  if (!ra || !rb) return "compatible";
  const inside = (x: typeof ra, y: typeof ra) => x.first >= y.first && x.last <= y.last;
  return inside(ra, rb) || inside(rb, ra) ? "compatible" : "conflict";
}

const NAME_WORD = /\p{Lu}[\p{L}'’-]+/gu;
const nameWords = (speaker: string | null) =>
  new Set([...(speaker ?? "").matchAll(NAME_WORD)].map((m) => m[0]));

/** Same speaker, a more and a less precise one (a name and "officials"), or two different people. */
function compareSpeakers(a: Claim, b: Claim): "agree" | "compatible" | "conflict" | null {
  if (!a.attribution || !b.attribution) return null;
  const ea = a.attribution.speakerEntity;
  const eb = b.attribution.speakerEntity;
  if (ea && eb) return ea === eb ? "agree" : "conflict";
  const wa = nameWords(a.attribution.speaker);
  const wb = nameWords(b.attribution.speaker);
  if (wa.size === 0 || wb.size === 0) return wa.size === wb.size ? "agree" : "compatible";
  return [...wa].some((w) => wb.has(w)) ? "agree" : "conflict";
}

const excerpt = (text: string, max = 90) =>
  text.length <= max ? text : `${text.slice(0, text.lastIndexOf(" ", max - 1) || max - 1)}…`;

function eventPhrase(article: PreparedArticle, claim: Claim, date: string): string {
  const event = article.input.enrichment.timeline.find(
    (e) => e.paragraph === claim.paragraph && e.start >= claim.start && e.end <= claim.end && e.date === date,
  );
  return event?.phrase ?? excerpt(claim.text);
}

/** Conflicts and compatible differences between the sides, from the aligned groups of `alignClaims`. */
export function findConflicts(
  prepared: Prepared,
  groups: readonly ClaimGroup[],
): { conflicts: FactComparison[]; compatible: FactComparison[] } {
  const conflicts: FactComparison[] = [];
  const compatible: FactComparison[] = [];
  const seen = new Set<string>();
  const report = (status: "compatible" | "conflict", item: FactComparison, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    (status === "conflict" ? conflicts : compatible).push(item);
  };
  for (const group of groups) {
    const claims = group.claims;
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        const a = claims[i]!;
        const b = claims[j]!;
        const aa = prepared.articleOf.get(a)!;
        const ab = prepared.articleOf.get(b)!;
        if (aa.side === ab.side) continue;
        const sides = `${aa.side}\u0000${ab.side}`;

        const fa = claimFigures(aa, a);
        const fb = claimFigures(ab, b);
        for (const x of fa) {
          const candidates = fb.filter((y) => comparable(x, y));
          if (candidates.length === 0 || candidates.some((y) => compareFigures(x, y) === "agree")) continue;
          // Two figures of one kind in a sentence could pair either way: only a one-to-one pair is compared.
          if (candidates.length > 1 || fa.filter((y) => comparable(x, y)).length > 1) continue;
          const y = candidates[0]!;
          const status = compareFigures(x, y);
          if (status === "agree") continue;
          report(
            status,
            {
              kind: "figure",
              status,
              subject: x.subject ?? y.subject ?? excerpt(a.text),
              values: [
                { side: aa.side, text: x.text, value: figureValue(x), passage: passage(aa, a) },
                { side: ab.side, text: y.text, value: figureValue(y), passage: passage(ab, b) },
              ],
            },
            `figure\u0000${sides}\u0000${figureValue(x)}\u0000${figureValue(y)}`,
          );
        }

        const da = a.dates.filter((d) => PRECISE_DATE.test(d));
        const db = b.dates.filter((d) => PRECISE_DATE.test(d));
        if (da.length === 1 && db.length === 1 && a.dates.length === 1 && b.dates.length === 1) {
          const status = compareDates(da[0]!, db[0]!);
          if (status !== "agree") {
            report(
              status,
              {
                kind: "date",
                status,
                subject: eventPhrase(aa, a, da[0]!),
                values: [
                  { side: aa.side, text: da[0]!, value: da[0]!, passage: passage(aa, a) },
                  { side: ab.side, text: db[0]!, value: db[0]!, passage: passage(ab, b) },
                ],
              },
              `date\u0000${sides}\u0000${da[0]}\u0000${db[0]}`,
            );
          }
        }

        const speakers = compareSpeakers(a, b);
        if (speakers === "conflict" || speakers === "compatible") {
          const who = (c: Claim) => c.attribution?.speakerEntity ?? c.attribution?.speaker ?? "unattributed";
          report(
            speakers,
            {
              kind: "attribution",
              status: speakers,
              subject: excerpt(a.text),
              values: [
                {
                  side: aa.side,
                  text: a.attribution?.speaker ?? "unattributed",
                  value: who(a),
                  passage: passage(aa, a),
                },
                {
                  side: ab.side,
                  text: b.attribution?.speaker ?? "unattributed",
                  value: who(b),
                  passage: passage(ab, b),
                },
              ],
            },
            `attribution\u0000${sides}\u0000${who(a)}\u0000${who(b)}`,
          );
        }
      }
    }
  }
  return { conflicts, compatible };
}
