/**
 * Words of dates and durations. English is complete; German, French and Spanish month, weekday and season
 * names are here so full dates in those languages ("12. März 2026", "12 mars 2026", "12 de marzo de 2026")
 * resolve too. Keys are lower case.
 */

const table = <T>(groups: Array<[T, string]>): Map<string, T> => {
  const map = new Map<string, T>();
  for (const [value, words] of groups) for (const w of words.split(" ")) map.set(w, value);
  return map;
};

/** Month names and their abbreviations (an abbreviation may carry a period in the text). */
export const MONTHS = table<number>([
  [1, "january jan januar jänner janvier enero"],
  [2, "february feb februar février fevrier febrero"],
  [3, "march mar märz maerz mars marzo"],
  [4, "april apr avril abril"],
  [5, "may mai mayo"],
  [6, "june jun juni juin junio"],
  [7, "july jul juli juillet julio"],
  [8, "august aug août aout agosto"],
  [9, "september sep sept septembre septiembre setiembre"],
  [10, "october oct oktober octobre octubre"],
  [11, "november nov novembre noviembre"],
  [12, "december dec dezember décembre decembre diciembre"],
]);

/** English month names that are also ordinary words or names, accepted alone only in a date context. */
export const AMBIGUOUS_MONTHS = new Set(["may", "march", "june", "august", "april"]);

/** Abbreviations of month and weekday names: these, and only these, may carry a period. */
export const ABBREVIATIONS = new Set(
  "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun".split(" "),
);

/** English month names (full and abbreviated): the ones bare-month and relative rules look for. */
export const ENGLISH_MONTHS = [
  "january february march april may june july august september october november december",
  "jan feb mar apr jun jul aug sep sept oct nov dec",
]
  .join(" ")
  .split(" ");

/** ISO day of the week, Monday = 1. */
export const WEEKDAYS = table<number>([
  [1, "monday mon montag lundi lunes"],
  [2, "tuesday tue tues dienstag mardi martes"],
  [3, "wednesday wed mittwoch mercredi miércoles miercoles"],
  [4, "thursday thu thur thurs donnerstag jeudi jueves"],
  [5, "friday fri freitag vendredi viernes"],
  [6, "saturday sat samstag sonnabend samedi sábado sabado"],
  [7, "sunday sun sonntag dimanche domingo"],
]);

export const ENGLISH_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split(" ");

export const SEASONS = table<string>([
  ["SP", "spring springtime frühling frühjahr printemps primavera"],
  ["SU", "summer summertime sommer été verano"],
  ["FA", "fall autumn herbst automne otoño"],
  ["WI", "winter wintertime hiver invierno"],
]);

/** First month of each TimeML season, for ordering a season against a date. */
export const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export const PARTS_OF_DAY = table<string>([
  ["MO", "morning mornings"],
  ["MI", "midday noon"],
  ["AF", "afternoon afternoons"],
  ["EV", "evening evenings"],
  ["NI", "night nights overnight"],
]);

const ONES =
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(
    " ",
  );
const TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split(" ");

/** The number words NUMBER_WORD matches, as a regex source (longest alternatives first). */
export const NUMBER_WORD_SOURCE = `(?:(?:${TENS.slice(2).join("|")})(?:[- ](?:${ONES.slice(1, 10).join("|")}))?|${ONES.slice()
  .reverse()
  .join("|")}|a dozen|dozen|a hundred|one hundred|a couple of|a couple|couple of)`;

/** "twenty-four" → 24, "a dozen" → 12, "7" → 7, "1.5" → 1.5; null for words that are not numbers. */
export function parseNumber(text: string): number | null {
  const t = text.toLowerCase().replace(/\s+/g, " ").trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  if (/^(?:a )?couple(?: of)?$/.test(t)) return 2;
  if (/^(?:a )?dozen$/.test(t)) return 12;
  if (/^(?:a|one) hundred$/.test(t)) return 100;
  const [tens, ones] = t.split(/[- ]/);
  const ti = TENS.indexOf(tens ?? "");
  if (ti >= 2) return ti * 10 + (ones ? Math.max(0, ONES.indexOf(ones)) : 0);
  const oi = ONES.indexOf(t);
  return oi >= 0 ? oi : null;
}

const ORDINAL_WORDS =
  "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(
    " ",
  );

/** Ordinal words a day of the month may be written as ("March eighth", "the twenty-first of May"). */
export const ORDINAL_WORD_SOURCE = `(?:(?:twenty|thirty)[- ](?:${ORDINAL_WORDS.slice(0, 9).join("|")})|thirtieth|${ORDINAL_WORDS.slice()
  .reverse()
  .join("|")})`;

export function parseOrdinal(text: string): number | null {
  const t = text.toLowerCase();
  const digits = /^(\d+)/.exec(t);
  if (digits) return Number(digits[1]);
  if (t === "thirtieth") return 30;
  const [head, tail] = t.split(/[- ]/);
  if (tail) return (head === "thirty" ? 30 : 20) + ORDINAL_WORDS.indexOf(tail) + 1;
  const i = ORDINAL_WORDS.indexOf(t);
  return i >= 0 ? i + 1 : null;
}

export interface Unit {
  /** The TimeML duration letter: `Y`, `M`, `W`, `D`, `H`; `MIN` and `S` are time units (PT…). */
  letter: string;
  /** How many of `letter` one unit is: a decade is 10 Y, a quarter 3 M. */
  size: number;
  time: boolean;
}

export const UNITS = table<Unit>([
  [{ letter: "S", size: 1, time: true }, "second seconds"],
  [{ letter: "M", size: 1, time: true }, "minute minutes min mins"],
  [{ letter: "H", size: 1, time: true }, "hour hours hrs"],
  [{ letter: "D", size: 1, time: false }, "day days"],
  [{ letter: "W", size: 1, time: false }, "week weeks"],
  [{ letter: "M", size: 1, time: false }, "month months"],
  [{ letter: "Q", size: 1, time: false }, "quarter quarters"],
  [{ letter: "Y", size: 1, time: false }, "year years"],
  [{ letter: "Y", size: 10, time: false }, "decade decades"],
  [{ letter: "Y", size: 100, time: false }, "century centuries"],
  [{ letter: "Y", size: 1000, time: false }, "millennium millennia"],
]);

/** Regex source of the unit words, singular and plural. */
export const UNIT_SOURCE =
  "(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|centur(?:y|ies)|millenni(?:um|a))";

/** "P3Y", "PT24H", "P10Y" for a decade; `n` null writes the TimeML "X" of an unknown count. */
export function durationValue(n: number | null, unitWord: string): string | null {
  const unit = UNITS.get(unitWord.toLowerCase());
  if (!unit) return null;
  const prefix = unit.time ? "PT" : "P";
  if (n === null) return `${prefix}X${unit.size === 10 ? "DE" : unit.size === 100 ? "CE" : unit.letter}`;
  if (!Number.isInteger(n)) {
    const whole = Math.floor(n);
    const half = n - whole === 0.5;
    if (half && unit.letter === "Y" && unit.size === 1) return `P${whole ? `${whole}Y` : ""}6M`;
    if (half && unit.letter === "H") return `PT${whole ? `${whole}H` : ""}30M`;
    if (half && unit.letter === "M" && unit.time) return `PT${whole ? `${whole}M` : ""}30S`;
    if (half && unit.letter === "D") return `PT${whole * 24 + 12}H`;
  }
  return `${prefix}${Math.round(n * unit.size * 100) / 100}${unit.letter}`;
}

/** Fixed-date holidays and how to compute movable ones (weekday rules as [month, weekday, nth]; -1 = last). */
export const HOLIDAYS: Array<{
  pattern: string;
  month: number;
  day?: number;
  weekday?: [number, number];
  plus?: number;
}> = [
  { pattern: "new year'?s day", month: 1, day: 1 },
  { pattern: "new year'?s eve", month: 12, day: 31 },
  { pattern: "christmas eve", month: 12, day: 24 },
  { pattern: "christmas(?: day)?", month: 12, day: 25 },
  { pattern: "boxing day", month: 12, day: 26 },
  { pattern: "valentine'?s day", month: 2, day: 14 },
  { pattern: "independence day|the fourth of july|july fourth", month: 7, day: 4 },
  { pattern: "halloween", month: 10, day: 31 },
  { pattern: "veterans day|armistice day", month: 11, day: 11 },
  { pattern: "thanksgiving(?: day)?", month: 11, weekday: [4, 4] },
  { pattern: "labou?r day", month: 9, weekday: [1, 1] },
  { pattern: "memorial day", month: 5, weekday: [1, -1] },
  { pattern: "(?:martin luther king(?: jr\\.?)?|mlk) day", month: 1, weekday: [1, 3] },
  { pattern: "presidents'? day", month: 2, weekday: [1, 3] },
  // US federal elections: the Tuesday after the first Monday of November.
  { pattern: "election day", month: 11, weekday: [1, 1], plus: 1 },
];
