import { type Claim, type ClaimGroup, contentStems } from "../claims/index";
import { compareDates } from "../enrich/date-range";
import { compareFigures, sameValue } from "../enrich/figures/compatible";
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
