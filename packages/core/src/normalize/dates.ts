import { MONTH_ALTERNATION, monthNumber } from "./date-words";

// Outside this range a "date" is far more likely a number that happens to look like one.
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Midnight UTC of a calendar day, or null when the day does not exist (2026-02-30). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString();
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * An ISO 8601 date or date-time. A date-time without an offset is read as UTC: the day is what matters for
 * news, and guessing the publisher's zone would be no better. By default the result is the UTC instant;
 * with `keepOffset` a date-time keeps the publisher's offset ("…T22:28:35.000-05:00"), so the calendar day
 * stays the one the publisher printed rather than the one it already was in Greenwich.
 */
export function parseIsoDate(value: string, keepOffset = false): string | null {
  const m = ISO_DATE_TIME.exec(value.trim().slice(0, 64));
  if (!m) return null;
  const day = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!day || m[4] === undefined) return day;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number((m[7] ?? "0").slice(0, 3).padEnd(3, "0"));
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    offsetMinutes =
      (zone[0] === "-" ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
    if (Math.abs(offsetMinutes) > 14 * 60) return null;
  }
  if (keepOffset && offsetMinutes !== 0) {
    const sign = offsetMinutes < 0 ? "-" : "+";
    const abs = Math.abs(offsetMinutes);
    const clock = `${pad(hour)}:${pad(minute)}:${pad(second)}.${pad(millis, 3)}`;
    return `${day.slice(0, 10)}T${clock}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
  const time = Date.parse(day) + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
  return new Date(time).toISOString();
}

/** A calendar day found in running text: where it starts and ends, and the day as midnight UTC. */
export interface DateMatch {
  iso: string;
  index: number;
  end: number;
}

export interface ScanOptions {
  /** 03/04/2021 is 3 April (Europe) rather than 4 March (United States); 25/04 and 04/25 decide themselves. */
  dayFirst?: boolean;
  /** Accept two-digit years ("28.01.22"): only where the context already says a date is there. */
  shortYears?: boolean;
}

type Parts = (m: RegExpExecArray, options: ScanOptions) => [number, number | null, number] | null;

function fullYear(text: string, options: ScanOptions): number | null {
  if (text.length === 4) return Number(text);
  if (!options.shortYears) return null;
  const year = Number(text);
  return year >= 90 ? 1900 + year : 2000 + year;
}

/** Day and month of a numeric date whose order is not fixed by its form. */
function dayMonth(first: number, second: number, dayFirst: boolean | undefined): [number, number] | null {
  if (first > 12 && second <= 12) return [first, second];
  if (second > 12 && first <= 12) return [second, first];
  if (first === second) return [first, second];
  if (dayFirst === undefined) return null;
  return dayFirst ? [first, second] : [second, first];
}

const NOT_DIGIT_BEFORE = "(?<![\\p{N}])";
const NOT_DIGIT_AFTER = "(?![\\p{N}]|[.,]\\d)";
const MONTH = `(?<![\\p{L}])(${MONTH_ALTERNATION})(?![\\p{L}])\\.?`;

// Every repetition is bounded and each pattern starts with a digit or a month name, so scanning a long page
// stays linear.
const PATTERNS: readonly { source: string; parts: Parts }[] = [
  {
    // 2021-03-23, 2021/03/23, 2023.11.02 (Korean sites): year first is never ambiguous.
    source: `${NOT_DIGIT_BEFORE}(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\p{N}]|[-/]\\d)`,
    parts: (m) => [Number(m[1]), Number(m[3]), Number(m[4])],
  },
  {
    // 2021年3月23日, 2023년 11월 2일
    source: `${NOT_DIGIT_BEFORE}(\\d{4}) ?[年년] ?(\\d{1,2}) ?[月월] ?(\\d{1,2}) ?[日일]`,
    parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    // 23.03.2021, 23. 3. 2021, 28.01.22: dots put the day first everywhere they are used.
    source: `(?<![\\p{N}.])(\\d{1,2})\\. ?(\\d{1,2})\\. ?(\\d{4}|\\d{2})${NOT_DIGIT_AFTER}`,
    parts: (m, o) => {
      const year = fullYear(m[3]!, o);
      return year === null ? null : [year, Number(m[2]), Number(m[1])];
    },
  },
  {
    // 23/03/2021 or 03/23/2021, 29-10-2021
    source: `(?<![\\p{N}/-])(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})(?![\\p{N}]|[/-]\\d)`,
    parts: (m, o) => {
      const order = dayMonth(Number(m[1]), Number(m[3]), m[2] === "-" ? true : o.dayFirst);
      return order ? [Number(m[4]), order[1], order[0]] : null;
    },
  },
  {
    // 23 March 2021, 23. März 2021, 1er mai 2020, 23 de marzo de 2021, 12th of March, 2026, 23 марта 2021 г.
    source: `${NOT_DIGIT_BEFORE}(\\d{1,2})(?:st|nd|rd|th|er|e|º|\\.)? {0,2}(?:de |of )?${MONTH},? {0,2}(?:de |del )?(\\d{4})${NOT_DIGIT_AFTER}`,
    parts: (m) => [Number(m[3]), monthNumber(m[2]!), Number(m[1])],
  },
  {
    // March 12, 2026, Mar. 3, 2026, Dezember 16th, 2012
    source: `${MONTH} {0,2}(\\d{1,2})(?:st|nd|rd|th)?,? {0,2}(\\d{4})${NOT_DIGIT_AFTER}`,
    parts: (m) => [Number(m[3]), monthNumber(m[1]!), Number(m[2])],
  },
];

const GLOBAL = PATTERNS.map(({ source, parts }) => ({ re: new RegExp(source, "giu"), parts }));
const STICKY = PATTERNS.map(({ source, parts }) => ({ re: new RegExp(source, "iuy"), parts }));

function toDay(parts: [number, number | null, number] | null): string | null {
  if (!parts || parts[1] === null) return null;
  return isoDay(parts[0], parts[1], parts[2]);
}

// A page's visible text rarely exceeds this; scanning more would only cost time on hostile input.
const MAX_SCAN_CHARS = 500_000;
// A page that writes more dates than this is a list or an archive; the first ones are the ones that matter.
const MAX_MATCHES = 1_000;

/** Every calendar day written in `text`, in order of appearance (overlapping readings removed). */
export function findDates(text: string, options: ScanOptions = {}): DateMatch[] {
  const sample = text.slice(0, MAX_SCAN_CHARS).replace(/\u00a0/g, " ");
  const all: DateMatch[] = [];
  for (const { re, parts } of GLOBAL) {
    re.lastIndex = 0;
    let count = 0;
    for (let m = re.exec(sample); m && count < MAX_MATCHES; m = re.exec(sample), count++) {
      const iso = toDay(parts(m, options));
      if (iso) all.push({ iso, index: m.index, end: m.index + m[0].length });
    }
  }
  // Sorted once and swept, so overlapping readings ("2021-03-23" is no D-M-Y) cost no quadratic search.
  all.sort((a, b) => a.index - b.index || b.end - a.end);
  const found: DateMatch[] = [];
  for (const date of all) {
    const last = found[found.length - 1];
    if (!last || date.index >= last.end) found.push(date);
    if (found.length >= MAX_MATCHES) break;
  }
  return found;
}

/** The date that starts exactly at `position` of `text`, if one does. */
function dateAt(text: string, position: number, options: ScanOptions): { iso: string; end: number } | null {
  for (const { re, parts } of STICKY) {
    re.lastIndex = position;
    const m = re.exec(text);
    if (!m) continue;
    const iso = toDay(parts(m, options));
    return iso ? { iso, end: position + m[0].length } : null;
  }
  return null;
}

const DATELINE_PREFIX =
  /^(?:(?:date|dated|published|updated|posted|first published|last updated)(?: on)? ?[:：\-–—]? ?)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,? )?/i;
// A time of day after the date adds nothing we can trust without a zone; it is consumed so the rest is clean.
const TRAILING_TIME =
  /^(?:,? (?:at |um |à )?\d{1,2}[:.h]\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?| Uhr)?(?: (?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?| [A-Z]{2,5})?|T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?/i;
const SEPARATOR = /^(?: ?[|·•] ?| ?[-–—]{1,2} | |$)/;

export interface LeadingDate {
  iso: string;
  /** The text after the date (and its separator), "" when the line is only a dateline. */
  rest: string;
  /** "Updated: …" — when the page changed, which is not when it was published. */
  updated: boolean;
}

/**
 * A date at the very start of a whitespace-collapsed line ("date 2026-03-12 Fresh off…", "Published: March 12,
 * 2026", "12 March 2026 | …", "2026年3月12日"): the day as an ISO instant and the text after it. `rest` must
 * start like a sentence, so "March 12, 2026, was the day…" is body text, not a dateline.
 */
export function matchLeadingDate(line: string): LeadingDate | null {
  const head = line.slice(0, 160);
  const prefix = DATELINE_PREFIX.exec(head)?.[0] ?? "";
  const date = dateAt(head, prefix.length, {});
  if (!date) return null;
  let consumed = date.end;
  const time = TRAILING_TIME.exec(head.slice(consumed))?.[0] ?? "";
  // An ISO date-time with its offset is an exact instant; a clock time without a zone only narrows the day.
  const iso =
    (time.startsWith("T") && parseIsoDate(head.slice(prefix.length, consumed + time.length))) || date.iso;
  consumed += time.length;
  const separator = SEPARATOR.exec(head.slice(consumed));
  const cjk = /^[\u3000-\u9fff\uac00-\ud7af]/.test(head.slice(consumed));
  if (!separator && !cjk) return null;
  consumed += separator?.[0].length ?? 0;
  const rest = line.slice(consumed).trim();
  if (rest && !/^[\p{Lu}\p{Lo}\p{N}"'“‘«([]/u.test(rest)) return null;
  return { iso, rest, updated: /^(?:updated|last updated)/i.test(prefix) };
}

const RFC_2822 =
  /^(?:[A-Za-z]{3},? )?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ?(GMT|UTC|Z|[+-]\d{4})?$/;

/**
 * A whole value that is one date: ISO (offset kept), RFC 2822 ("Thu, 12 Mar 2026 10:00:00 GMT") or a written
 * date with at most a weekday and a clock time around it ("Samstag, 22.12.2012 18:00 Uhr"). Metadata values
 * only: running text goes through findDates.
 */
export function parseDateText(value: string, options: ScanOptions = {}): string | null {
  const text = value.replace(/\s+/g, " ").trim().slice(0, 100);
  if (!text) return null;
  const iso = parseIsoDate(text.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, "$1T"), true);
  if (iso) return iso;
  const rfc = RFC_2822.exec(text);
  if (rfc) {
    const month = monthNumber(rfc[2]!);
    const day = month ? isoDay(Number(rfc[3]), month, Number(rfc[1])) : null;
    if (!day) return null;
    const zone = rfc[7] ?? "Z";
    const offset = /^[+-]/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : "Z";
    return parseIsoDate(`${day.slice(0, 10)}T${rfc[4]}:${rfc[5]}:${rfc[6] ?? "00"}${offset}`, true);
  }
  const dates = findDates(text, options);
  if (dates.length !== 1) return null;
  const [date] = dates;
  // Anything but a weekday, a clock time and punctuation around the date means it is part of a sentence.
  const around = `${text.slice(0, date!.index)} ${text.slice(date!.end)}`.replace(
    /\d{1,2}[:.h]\d{2}(?::\d{2})?/g,
    "",
  );
  const words = around.match(/\p{L}+/gu) ?? [];
  return words.length <= 3 && around.length <= 40 ? date!.iso : null;
}
