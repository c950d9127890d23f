import { MONTHS, NAME_NOUNS } from "./lexicon";
import type { NumberReading } from "./numbers";
import { nounPhraseAfter, wordsBefore } from "./phrase";

/**
 * Numbers that are not figures: years, dates, times, ordinals, phone numbers and codes, list markers, names
 * ("Article 9", "Flight 370") and ages. Every check looks at a few characters on either side.
 */

const GLUED_BEFORE = /(?:[#@/\\+_]|[\p{L}\p{N}][-‐.])$/u;
const GLUED_AFTER = /^(?:[-‐–/:.][0-9０-９]|(?:st|nd|rd|th)(?!\p{L})|['’]?s(?!\p{L})|[年月日時分秒歳号位])/iu;
const MONTH_NAMES = [...MONTHS].join("|");
const MONTH_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${MONTH_NAMES})\\.?[ \\u00a0]+(?:the[ \\u00a0]+)?$`, "u");
const MONTH_AFTER = new RegExp(`^(?:[ \\u00a0]+of)?[ \\u00a0]+(?:${MONTH_NAMES})(?!\\p{L})`, "u");
const TIME_AFTER =
  /^[ \u00a0]?(?:a\.m\.|p\.m\.|am|pm|gmt|utc|bst|est|edt|pst|pdt|jst|cet|hrs|h)(?![\p{L}])/iu;
const SENTENCE_START = /(?:^|[.!?:;"“”‘(\n][ \u00a0]*)$/u;
const DETERMINERS = new Set(
  "the these those its their his her our my your both all each every first last next only same".split(" "),
);

export function isNotAFigure(text: string, at: number, reading: NumberReading, strong: boolean): boolean {
  const before = text.slice(Math.max(0, at - 30), at);
  const after = text.slice(reading.end, reading.end + 12);
  if (GLUED_BEFORE.test(before.slice(-2)) || GLUED_AFTER.test(after)) return true;
  // Letters glued to the digits are codes and models ("5G", "F35"), unless they were a scale ("2bn").
  if (
    !strong &&
    /^\p{L}/u.test(after) &&
    !/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(after)
  )
    return true;
  if (strong) return false;
  if (reading.plainInteger && reading.value >= 1000 && reading.value <= 2100) return true;
  if (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after) || TIME_AFTER.test(after)) return true;
  // List markers ("1. ", "2) ") at the start of a paragraph or line, and references like "(3)" or "[12]".
  if (/(?:^|\n)[ \u00a0]*$/.test(before) && /^[.)][ \u00a0]/.test(after)) return true;
  if (/[([]$/.test(before) && /^[)\]]/.test(after)) return true;
  // Digit groups separated by spaces are phone numbers and codes ("+81 3 1234 5678").
  if (/[0-9][ \u00a0]$/.test(before) || /^[ \u00a0][0-9]/.test(after)) return true;
  // "Kim, 34, said": an age set off by commas after a name.
  if (/\p{Lu}[\p{L}.'’-]*,[ \u00a0]$/u.test(before) && /^[,)]/.test(after)) return true;
  return isNameNumber(text, at, reading);
}

/** "Article 9", "para. 3", "Windows 11": a number naming a thing, told by the word before it. */
function isNameNumber(text: string, at: number, reading: NumberReading): boolean {
  const previous = /(\p{L}+)\.?[ \u00a0]+$/u.exec(text.slice(Math.max(0, at - 30), at));
  if (!previous) return false;
  const word = previous[1]!;
  if (NAME_NOUNS.has(word.toLowerCase())) return true;
  if (!/^\p{Lu}/u.test(word) || /^\p{Lu}+$/u.test(word)) return false;
  const wordStart = at - previous[0].length;
  if (SENTENCE_START.test(text.slice(Math.max(0, wordStart - 3), wordStart))) return false;
  return nounPhraseAfter(text, reading.end) === null;
}

/** Small spelled numbers that refer rather than count: "one", "the two leaders", "all three". */
export function isSpelledReference(text: string, at: number, value: number): boolean {
  if (value < 2) return true;
  const previous = wordsBefore(text, at, 1)[0]?.text.toLowerCase();
  if (previous === undefined || value >= 100) return false;
  return DETERMINERS.has(previous) || /['’]s$/.test(previous);
}
