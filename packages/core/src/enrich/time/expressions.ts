import type { Paragraph } from "../../schemas/paragraph";
import type { TimeExpression } from "../../schemas/enrichment";
import { parseReference } from "./calendar";
import type { Context, Memory, Rule } from "./patterns";
import { oneByteScanner } from "./one-byte";
import { precisionOf } from "./precision";
import { absoluteRules } from "./rules-absolute";
import { anaphoraRules, rememberedDate } from "./rules-anaphora";
import { durationRules } from "./rules-duration";
import { quarterRules } from "./rules-quarter";
import { relativeRules } from "./rules-relative";
import { type Tense, tenseNear } from "./tense";

const RULES: Rule[] = [
  ...absoluteRules,
  ...relativeRules,
  ...quarterRules,
  ...anaphoraRules,
  ...durationRules,
];
const RULE_REGEXPS = RULES.map((rule) => rule.re);
const oneByteScan = oneByteScanner(RULE_REGEXPS);

interface Candidate {
  start: number;
  end: number;
  rule: Rule;
  groups: Record<string, string | undefined>;
  order: number;
}

/** Every rule's matches in one paragraph, overlaps settled: the longest span wins, then the earlier rule. */
function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  // The view's regexps match it exactly as the rules match the text (same offsets, same captures once restored),
  // only faster.
  const scan = oneByteScan(text);
  const subject = scan?.text ?? text;
  const regexps = scan?.regexps ?? RULE_REGEXPS;
  RULES.forEach((rule, order) => {
    const re = regexps[order]!;
    re.lastIndex = 0;
    for (let m = re.exec(subject); m; m = re.exec(subject)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      const groups = m.groups ?? {};
      if (scan) for (const name in groups) if (groups[name]) groups[name] = scan.restore(groups[name]);
      if (rule.accept && !rule.accept(groups, text, start, end)) continue;
      found.push({ start, end, rule, groups, order });
    }
  });
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const taken = new Uint8Array(text.length);
  const kept: Candidate[] = [];
  for (const c of found) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Every date, time, duration and set expression of the paragraphs, with its TimeML value resolved against
 * `referenceDate` (the publication date, `YYYY-MM-DD` or an ISO date-time). Without a reference date,
 * expressions that only make sense relative to one ("yesterday", "last year") are left out, and named days
 * and months without a year keep TimeML's unknown year (`XXXX-03-19`).
 */
export function findTimeExpressions(paragraphs: Paragraph[], referenceDate: string | null): TimeExpression[] {
  const ref = parseReference(referenceDate);
  const memory: Memory = { quarter: null, date: null };
  const out: TimeExpression[] = [];
  for (const paragraph of paragraphs) {
    const text = paragraph.text;
    const found = candidates(text);
    for (const c of found) {
      let tense: Tense | null | undefined;
      const ctx: Context = {
        ref,
        text,
        start: c.start,
        end: c.end,
        memory,
        tense: () => {
          if (tense === undefined) tense = tenseNear(text, c.start, c.end);
          return tense;
        },
      };
      const resolved = c.rule.resolve(c.groups, ctx);
      if (!resolved) continue;
      if (resolved.type === "date" || resolved.type === "time")
        memory.date = rememberedDate(resolved.value) ?? memory.date;
      out.push({
        paragraph: paragraph.n,
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
        type: resolved.type,
        value: resolved.value,
        precision: precisionOf(resolved.type, resolved.value),
      });
    }
  }
  return out;
}
