import type { Figure } from "../../schemas/enrichment";
import { TIME_UNITS } from "./lexicon";
import { cjkCounterAfter, type NumberReading, readDigits, readNumber } from "./numbers";
import { isCountNoun, type NounPhrase, nounPhraseAfter, pluralize } from "./phrase";
import { isSpelledReference } from "./reject";

/** Counts and ratios: what is counted ("352 of the 465 seats", "12-member", "3万人") and the whole, if given. */

export interface CountReading {
  kind: Figure["kind"];
  unit: string | null;
  whole: number | null;
  /** Where the number's own words end (after "of the 465" or "-member"). */
  end: number;
  /** The phrase naming what is counted, for the subject. */
  counted: NounPhrase | null;
  /** Where the figure's text ends: through the counted noun ("nearly 40 homes"). */
  spanEnd: number;
}

const OF_NUMBER =
  /[ \u00a0]+(?:of|out of)[ \u00a0]+(?:(?:the|its|their|all|all the)[ \u00a0]+)?(?=[0-9\p{L}])/iuy;
const IN_NUMBER = /[ \u00a0]+in[ \u00a0]+(?:every[ \u00a0]+)?(?=[0-9\p{L}])/iuy;
const RANGE = /[ \u00a0]*(?:[-–]|(?:and|to|or)[ \u00a0]+)(?=[0-9])/uy;
// "12-member", "500-seat"; "40-year-old" has more parts and is an age.
const HYPHEN_NOUN = /[-‐](\p{Ll}{2,})((?:[-‐]\p{L}+)*)(?![\p{L}\p{N}])/uy;
const ADDRESS = /^(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Square|Place|Drive|Way)$/;

export function readCount(
  text: string,
  at: number,
  reading: NumberReading,
  end: number,
  value: number,
  scaled: boolean,
): CountReading | null {
  const cjk = cjkCounterAfter(text, end);
  if (cjk)
    return { kind: "count", unit: cjk.unit, whole: null, end: cjk.end, counted: null, spanEnd: cjk.end };
  const ratio = readWhole(text, end, value);
  if (ratio) end = ratio.end;
  const kind = ratio?.kind ?? "count";
  const whole = ratio?.whole ?? null;

  HYPHEN_NOUN.lastIndex = end;
  const hyphenated = ratio || scaled ? null : HYPHEN_NOUN.exec(text);
  if (hyphenated) {
    // "two-track approach", "three-party talks": spelled compounds describe rather than count.
    if (TIME_UNITS.has(hyphenated[1]!) || hyphenated[2] || (reading.spelled && value < 10)) return null;
    const compoundEnd = end + hyphenated[0].length;
    const counted = nounPhraseAfter(text, compoundEnd);
    return {
      kind,
      unit: Number.isInteger(value) ? pluralize(hyphenated[1]!) : hyphenated[1]!,
      whole,
      end: compoundEnd,
      counted,
      spanEnd: compoundEnd,
    };
  }
  if (/^[-‐]\p{L}/u.test(text.slice(end, end + 2))) return null;

  let counted = nounPhraseAfter(text, end);
  if (counted) {
    const first = counted.text.split(" ")[0]!.toLowerCase();
    if (TIME_UNITS.has(first) || TIME_UNITS.has(counted.head.toLowerCase())) return null;
    if (ADDRESS.test(counted.head)) return null;
    // After a number above one the counted noun is plural; "22 bank and tax charges" names no unit.
    if (value > 1 && !isCountNoun(counted.head)) counted = null;
  }
  if (reading.spelled && !ratio && isSpelledReference(text, at, value)) return null;
  if (!counted && !ratio) {
    // "between 150 and 200 migrants": the first number counts what the second does.
    const shared = rangeNoun(text, end);
    if (shared) return { kind, unit: shared.head, whole, end, counted: shared, spanEnd: end };
  }
  return { kind, unit: counted?.head ?? null, whole, end, counted, spanEnd: counted?.end ?? end };
}

function rangeNoun(text: string, end: number): NounPhrase | null {
  RANGE.lastIndex = end;
  const joiner = RANGE.exec(text);
  if (!joiner) return null;
  const other = readDigits(text, end + joiner[0].length);
  if (!other) return null;
  const phrase = nounPhraseAfter(text, other.end);
  return phrase && isCountNoun(phrase.head) && !TIME_UNITS.has(phrase.head.toLowerCase()) ? phrase : null;
}

/** "352 of the 465 seats" and "one in five voters": the whole after the part, if the text gives one. */
function readWhole(
  text: string,
  end: number,
  part: number,
): { kind: "count" | "ratio"; whole: number; end: number } | null {
  for (const [pattern, kind] of [
    [OF_NUMBER, "count"],
    [IN_NUMBER, "ratio"],
  ] as const) {
    pattern.lastIndex = end;
    const joiner = pattern.exec(text);
    if (!joiner) continue;
    const whole = readNumber(text, end + joiner[0].length);
    if (!whole || whole.denominator || whole.plainInteger || whole.value <= part) continue;
    if (kind === "ratio" && whole.value > 1000) continue;
    return { kind, whole: whole.value, end: whole.end };
  }
  return null;
}
