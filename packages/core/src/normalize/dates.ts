const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

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

function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, "")] ?? null;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An ISO 8601 date or date-time as a UTC instant. A date-time without an offset is read as UTC: the day is
 * what matters for news, and guessing the publisher's zone would be no better.
 */
export function parseIsoDate(value: string): string | null {
  const m = ISO_DATE_TIME.exec(value.trim().slice(0, 64));
  if (!m) return null;
  const day = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!day || m[4] === undefined) return day;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 60) return null;
  const millis = Number((m[7] ?? "0").slice(0, 3).padEnd(3, "0"));
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    offsetMinutes =
      (zone[0] === "-" ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  const time = Date.parse(day) + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
  return new Date(time).toISOString();
}

// Each alternative is anchored and every repetition bounded, so a hostile line cannot make these backtrack.
const DATE_PATTERNS: readonly { re: RegExp; ymd: (m: RegExpExecArray) => [number, number | null, number] }[] =
  [
    {
      re: /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/,
      ymd: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
    },
    { re: /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/, ymd: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
    {
      re: /^([A-Za-z]{3,9}\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?!\d)/,
      ymd: (m) => [Number(m[3]), monthNumber(m[1]!), Number(m[2])],
    },
    {
      re: /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9}\.?),? (\d{4})(?!\d)/,
      ymd: (m) => [Number(m[3]), monthNumber(m[2]!), Number(m[1])],
    },
    {
      re: /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日/,
      ymd: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
    },
  ];

const DATELINE_PREFIX =
  /^(?:(?:date|dated|published|updated|posted|first published|last updated)(?: on)? ?[:：\-–—]? ?)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,? )?/i;
// A time of day after the date adds nothing we can trust without a zone; it is consumed so the rest is clean.
const TRAILING_TIME =
  /^(?:,? (?:at )?\d{1,2}[:.]\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?(?: (?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?| [A-Z]{2,5})?|T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?/i;
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
  let consumed = prefix.length;
  for (const { re, ymd } of DATE_PATTERNS) {
    const m = re.exec(head.slice(consumed));
    if (!m) continue;
    const [year, month, day] = ymd(m);
    const dayIso = month === null ? null : isoDay(year, month, day);
    if (!dayIso) return null;
    const dateStart = consumed;
    consumed += m[0].length;
    const time = TRAILING_TIME.exec(head.slice(consumed))?.[0] ?? "";
    consumed += time.length;
    // An ISO date-time with its offset is an exact instant; a clock time without a zone only narrows the day.
    const iso = (time.startsWith("T") && parseIsoDate(head.slice(dateStart, consumed))) || dayIso;
    const separator = SEPARATOR.exec(head.slice(consumed));
    const cjk = /^[\u3000-\u9fff\uac00-\ud7af]/.test(head.slice(consumed));
    if (!separator && !cjk) return null;
    consumed += separator?.[0].length ?? 0;
    const rest = line.slice(consumed).trim();
    if (rest && !/^[\p{Lu}\p{Lo}\p{N}"'“‘«([]/u.test(rest)) return null;
    return { iso, rest, updated: /^(?:updated|last updated)/i.test(prefix) };
  }
  return null;
}

/** A whole value that is a date in any of the forms above, ISO or RFC 2822 ("Thu, 12 Mar 2026 10:00:00 GMT"). */
export function parseDateText(value: string): string | null {
  const text = value.replace(/\s+/g, " ").trim().slice(0, 100);
  if (!text) return null;
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const rfc =
    /^(?:[A-Za-z]{3}, )?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC|Z|[+-]\d{4})$/.exec(
      text,
    );
  if (rfc) {
    const month = monthNumber(rfc[2]!);
    const day = month ? isoDay(Number(rfc[3]), month, Number(rfc[1])) : null;
    if (!day) return null;
    const zone = rfc[7]!;
    const offset = /^[+-]/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : "Z";
    return parseIsoDate(`${day.slice(0, 10)}T${rfc[4]}:${rfc[5]}:${rfc[6] ?? "00"}${offset}`);
  }
  const leading = matchLeadingDate(text);
  return leading && leading.rest === "" ? leading.iso : null;
}
