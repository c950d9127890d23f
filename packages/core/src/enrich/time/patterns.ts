import type { TimeExpression } from "../../schemas/enrichment";
import { type Day, dayDiff, daysInMonth } from "./calendar";
import {
  ABBREVIATIONS,
  ENGLISH_MONTHS,
  ENGLISH_WEEKDAYS,
  MONTHS,
  NUMBER_WORD_SOURCE,
  ORDINAL_WORD_SOURCE,
  SEASONS,
  UNIT_SOURCE,
  WEEKDAYS,
} from "./lexicon";
import type { Tense } from "./tense";

export type TimeType = TimeExpression["type"];
export type Groups = Record<string, string | undefined>;

/** What a rule's match means, before precision is read off the value. */
export interface Resolved {
  type: TimeType;
  value: string;
}

/** Document state anaphoric expressions lean on ("the quarter", "a year earlier", "the next day"). */
export interface Memory {
  quarter: { y: number; q: number } | null;
  /** The calendar part of the last date or time resolved (`2026-03-19`, `2026-03`, `2026`). */
  date: string | null;
}

export interface Context {
  ref: Day | null;
  text: string;
  start: number;
  end: number;
  tense: () => Tense | null;
  memory: Memory;
}

export interface Rule {
  name: string;
  re: RegExp;
  /** A check of the surroundings a regex cannot express cheaply; false drops the match. */
  accept?: (groups: Groups, text: string, start: number, end: number) => boolean;
  resolve: (groups: Groups, ctx: Context) => Resolved | null;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
export const alt = (words: Iterable<string>): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join("|");

/**
 * A rule's regex: bounded by non-word characters on both sides. Every pattern is a sequence of literal
 * alternations and bounded whitespace with no nested quantifiers, so matching stays linear on any input.
 */
export const rx = (source: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, "giu");

/** One run of inline whitespace (a line break inside a paragraph counts). */
export const S = "[\\s\\u00a0]{1,3}";
/** Optional inline whitespace. */
export const O = "[\\s\\u00a0]{0,3}";

/** Full names first, then abbreviations with their optional period ("Sept.", never "September."). */
const names = (words: Iterable<string>) => {
  const all = [...words];
  const short = all.filter((w) => ABBREVIATIONS.has(w));
  return `(?:${alt(all.filter((w) => !ABBREVIATIONS.has(w)))}|(?:${alt(short)})\\.?)`;
};

export const MONTH = names(MONTHS.keys());
/** English month names written out: what a month standing alone must be. */
export const EN_MONTH_FULL = `(?:${alt(ENGLISH_MONTHS.filter((w) => !ABBREVIATIONS.has(w)))})`;
export const WEEKDAY = names(WEEKDAYS.keys());
export const EN_WEEKDAY = `(?:${alt(ENGLISH_WEEKDAYS)})`;
export const SEASON = `(?:${alt(SEASONS.keys())})`;
export const DAY_NUMBER = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th|er)?";
export const DAY_WORD = ORDINAL_WORD_SOURCE;
export const YEAR = "(?:1[0-9]{3}|20[0-9]{2}|21[0-9]{2})";
/** Years as spoken in broadcast transcripts: "nineteen ninety-six", "two thousand". */
export const YEAR_WORDS = `(?:(?:nineteen|eighteen|twenty)${S}(?:hundred|oh[- ](?:one|two|three|four|five|six|seven|eight|nine)|(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)|two${S}thousand(?:${S}(?:and${S})?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?))?)`;
export const NUMBER = `(?:\\d{1,4}(?:\\.\\d{1,2})?(?:${S}1/2|${S}and${S}a${S}half|½)?|${NUMBER_WORD_SOURCE}(?:${S}and${S}a${S}half)?)`;
export const VAGUE = `(?:several|a${S}few|few|some|many|numerous|a${S}number${S}of|dozens${S}of|hundreds${S}of)`;
// "over" and "under" are left out: before a duration they are prepositions more often than quantifiers
// ("over the past 20 years"), and TimeML spans leave prepositions out.
export const APPROX = `(?:about|approximately|around|roughly|nearly|almost|some|more${S}than|less${S}than|fewer${S}than|at${S}least|at${S}most|up${S}to|no${S}more${S}than|no${S}less${S}than|close${S}to|upwards${S}of|the${S}better${S}part${S}of)`;
export const UNIT = UNIT_SOURCE;

// How far a day or month may lie ahead of the reference date and still go with a past verb. Past cues are
// noisy (the verb of another clause: "declared a dividend payable Dec. 1"); on TimeBank trusting them only
// beyond 90 days resolves the most dates right. A future verb may belong to another clause too ("Fresh off
// a victory in the February election, Takaichi will visit …"), so it only rules out periods over for a month.
const PAST_TENSE_REACH = 90;
const FUTURE_TENSE_REACH = 30;

/**
 * The year of a day or month named without one: the nearest occurrence, unless the tense points the other
 * way (a past verb takes the latest one starting within PAST_TENSE_REACH days from now, a future verb the
 * earliest one over for at most FUTURE_TENSE_REACH days).
 */
export function yearFor(month: number, day: number | null, ref: Day, tense: Tense | null): number {
  const years = [ref.y - 1, ref.y, ref.y + 1];
  const first = (y: number) => dayDiff(ref, { y, m: month, d: day ?? 1 });
  const last = (y: number) => dayDiff(ref, { y, m: month, d: day ?? daysInMonth(y, month) });
  if (tense === "past") return years.filter((y) => first(y) <= PAST_TENSE_REACH).pop() ?? ref.y;
  if (tense === "future") return years.find((y) => last(y) >= -FUTURE_TENSE_REACH) ?? ref.y;
  const mid = (y: number) => (first(y) + last(y)) / 2;
  return years.reduce((best, y) => (Math.abs(mid(y)) < Math.abs(mid(best)) ? y : best));
}

/** "'98" → 1998 and "'05" → 2005: the century that puts the year nearest the reference date. */
export function expandYear(two: number, ref: Day | null): number {
  const base = ref ? ref.y : 2000;
  const century = Math.floor(base / 100) * 100;
  const candidates = [century - 100 + two, century + two, century + 100 + two];
  return candidates.reduce((best, y) => (Math.abs(y - base - 10) < Math.abs(best - base - 10) ? y : best));
}

/** Year digits, two-digit years and spoken years → the year number. */
export function parseYear(text: string, ref: Day | null): number | null {
  const t = text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  if (/^\d{4}$/.test(t)) return Number(t);
  if (/^['’]\d{2}$/.test(t)) return expandYear(Number(t.slice(1)), ref);
  return spokenYear(t);
}

const SMALL =
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(
    " ",
  );
const TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split(" ");

function twoDigits(words: string): number | null {
  const [a, b] = words.split(/[- ]/);
  if (a === "oh" && b) return SMALL.indexOf(b);
  const t = TENS.indexOf(a ?? "");
  if (t >= 2) return t * 10 + (b ? SMALL.indexOf(b) : 0);
  const s = SMALL.indexOf(a ?? "");
  return s >= 0 && !b ? s : null;
}

function spokenYear(t: string): number | null {
  const thousand = /^two thousand(?: (?:and )?(.+))?$/.exec(t);
  if (thousand) return 2000 + (thousand[1] ? (twoDigits(thousand[1]) ?? 0) : 0);
  const m = /^(nineteen|eighteen|twenty) (.+)$/.exec(t);
  if (!m) return null;
  const head = SMALL.indexOf(m[1]!) >= 0 ? SMALL.indexOf(m[1]!) : 20;
  const tail = m[2] === "hundred" ? 0 : twoDigits(m[2]!);
  return tail === null ? null : head * 100 + tail;
}

/** Month number of a month word ("Sept." → 9). */
export const monthOf = (word: string): number | null =>
  MONTHS.get(word.toLowerCase().replace(/\.$/, "")) ?? null;
export const weekdayOf = (word: string): number | null =>
  WEEKDAYS.get(word.toLowerCase().replace(/\.$/, "")) ?? null;
