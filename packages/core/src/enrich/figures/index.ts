import type { Figure } from "../../schemas/enrichment";
import type { Paragraph } from "../../schemas/paragraph";
import { FRACTIONS, QUALIFIERS, TENS, UNITS } from "./lexicon";
import {
  currencyAfter,
  currencyBefore,
  type NumberReading,
  percentAfter,
  readNumber,
  readScale,
  tidy,
} from "./numbers";
import { readCount } from "./count";
import type { NounPhrase } from "./phrase";
import { wordsBefore } from "./phrase";
import { isNotAFigure } from "./reject";
import { fractionExtent, subjectOf } from "./subject";

const SPELLED = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(FRACTIONS)].join("|");
// Where a figure can start: a digit run, "a"/"an" before a scale or fraction word, or a number word. The
// look-behind keeps a candidate from starting inside a word or a longer digit run (CJK text has no spaces, so
// a number may follow a kanji or kana directly).
const CANDIDATE = new RegExp(
  `(?<!(?![\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}])[\\p{L}\\p{N}_])(?:[0-9０-９]|an?[ \\u00a0]+(?=(?:dozen|hundred|thousand|million|billion|trillion|third|quarter|fifth|tenth)(?!\\p{L}))|(?:${SPELLED})(?!\\p{L}))`,
  "giu",
);
const OR_MORE =
  /[ \u00a0]+or[ \u00a0]+(?:(more|above|higher|over)|(less|fewer|below|under)|(so))(?!\p{L})/iuy;
const PLUS = /(?:-plus|\+)(?![\p{L}\p{N}])/uy;

/** "40 or more", "100 or so", "500-plus": a qualifier written after the number. */
function qualifierAfter(
  text: string,
  end: number,
  spelled: boolean,
): { qualifier: Figure["qualifier"]; length: number } | null {
  OR_MORE.lastIndex = end;
  const words = OR_MORE.exec(text);
  if (words)
    return { qualifier: words[1] ? "at-least" : words[2] ? "at-most" : "about", length: words[0].length };
  PLUS.lastIndex = end;
  const plus = spelled ? null : PLUS.exec(text);
  return plus ? { qualifier: "over", length: plus[0].length } : null;
}

/** Money, percentages, counts, ratios and fractions of each paragraph (editor's notes skipped), in text order. */
export function findFigures(paragraphs: readonly Paragraph[]): Figure[] {
  const out: Figure[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.kind === "note") continue;
    const pattern = new RegExp(CANDIDATE.source, CANDIDATE.flags);
    let match = pattern.exec(paragraph.text);
    while (match) {
      const found = readFigure(paragraph.text, match.index, paragraph.n);
      if (found) {
        out.push(found);
        pattern.lastIndex = Math.max(pattern.lastIndex, found.end);
      }
      match = pattern.exec(paragraph.text);
    }
  }
  return out;
}

function qualifierBefore(
  text: string,
  start: number,
): { qualifier: Figure["qualifier"]; start: number } | null {
  const window = text.slice(Math.max(0, start - 24), start);
  for (const [pattern, qualifier] of QUALIFIERS) {
    const match = pattern.exec(window);
    if (match) return { qualifier, start: start - window.length + match.index + match[0].indexOf(match[1]!) };
  }
  return null;
}

function readFigure(text: string, at: number, paragraph: number): Figure | null {
  const reading = readNumber(text, at);
  if (!reading) return null;
  let { value, end } = reading;
  let kind: Figure["kind"] = "count";
  let unit: string | null = null;
  let whole: number | null = null;
  let counted: NounPhrase | null = null;
  let spanEnd: number | null = null;
  let start = at;

  const signBefore = reading.spelled ? null : currencyBefore(text, at);
  const scale = reading.spelled ? null : readScale(text, end, signBefore !== null);
  if (scale) {
    value = tidy(value * scale.factor);
    end = scale.end;
  }
  const after = signBefore ? null : currencyAfter(text, end);
  // "won" is also a verb: "the party 3 won" is no money, "1.2 trillion won" is.
  const named = after && (after.code !== "KRW" || scale || value >= 1000) ? after : null;
  const percent = signBefore || named ? null : percentAfter(text, end);
  const strong = Boolean(signBefore || named || percent || scale || reading.denominator);
  if (!reading.spelled && isNotAFigure(text, at, reading, strong)) return null;
  const afterNumber = percent?.end ?? named?.end ?? end;
  const suffix = qualifierAfter(text, afterNumber, reading.spelled);

  if (signBefore || named) {
    kind = "money";
    unit = signBefore?.code ?? named!.code;
    if (signBefore) start = signBefore.start;
    if (named) end = named.end;
  } else if (percent) {
    kind = "percent";
    unit = percent.unit;
    end = percent.end;
  } else if (reading.denominator) {
    if (!isFractionInContext(text, at, reading)) return null;
    kind = "fraction";
    value = Math.round(value * 10_000) / 10_000;
  } else {
    const count = readCount(text, at, reading, end + (suffix?.length ?? 0), value, scale !== null);
    if (!count) return null;
    ({ kind, unit, whole, end, counted, spanEnd } = count);
  }

  const qualified = qualifierBefore(text, start);
  const qualifier = suffix?.qualifier ?? qualified?.qualifier ?? "exact";
  if (suffix && end < afterNumber + suffix.length) end = afterNumber + suffix.length;
  if (reading.spelled && kind === "count" && !unit && !qualified) return null;

  const spanStart = qualified?.start ?? start;
  if (kind === "fraction") spanEnd = fractionExtent(text, end);
  spanEnd = Math.max(end, spanEnd ?? end);
  return {
    paragraph,
    start: spanStart,
    end: spanEnd,
    text: text.slice(spanStart, spanEnd),
    kind,
    value,
    unit,
    of: whole,
    qualifier,
    subject: subjectOf(text, { kind, start: spanStart, end, counted }),
  };
}

const HALF_FOLLOWERS = /[ \u00a0]+(?:of|the|its|their|his|her|our|all|those|these)(?!\p{L})/iuy;
const OF_AFTER = /[ \u00a0]+of(?!\p{L})/iuy;
const TEMPORAL_BEFORE = new Set([
  "first",
  "second",
  "latter",
  "former",
  "other",
  "the",
  "this",
  "that",
  "next",
  "last",
]);

/**
 * Spelled fractions are also ordinals and time words: "the first half of 2026", "a third term", "a quarter
 * century". Singular ones count only before "of" (or hyphenated, "one-third"); "half" also before "the".
 */
function isFractionInContext(text: string, at: number, reading: NumberReading): boolean {
  const written = text.slice(at, reading.end).toLowerCase();
  const previous = wordsBefore(text, at, 1)[0]?.text.toLowerCase();
  if (/half$/.test(written)) {
    if (written !== "half" || (previous && TEMPORAL_BEFORE.has(previous))) return false;
    HALF_FOLLOWERS.lastIndex = reading.end;
    return HALF_FOLLOWERS.test(text);
  }
  if (/s$/.test(written) || /^one[-‐]/.test(written)) return true;
  OF_AFTER.lastIndex = reading.end;
  return OF_AFTER.test(text);
}
