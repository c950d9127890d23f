/** A calendar day in the proleptic Gregorian calendar; `m` and `d` from 1. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

/** "2026-03-12", "2026-03-12T09:00:00+09:00" (the local date as written) → a Day; anything else → null. */
export function parseReference(reference: string | null | undefined): Day | null {
  const m = reference ? /^(\d{4})-(\d{2})-(\d{2})/.exec(reference) : null;
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDay(day.y, day.m, day.d) ? day : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const toUtc = (day: Day) => Date.UTC(day.y, day.m - 1, day.d);
const fromUtc = (t: number): Day => {
  const date = new Date(t);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
};

export function addDays(day: Day, n: number): Day {
  return fromUtc(toUtc(day) + n * 86_400_000);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** Days from a to b (positive when b is later). */
export function dayDiff(a: Day, b: Day): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** ISO day of the week, Monday = 1 … Sunday = 7. */
export function isoWeekday(day: Day): number {
  return ((new Date(toUtc(day)).getUTCDay() + 6) % 7) + 1;
}

/** The ISO 8601 week (its year may differ from the day's near New Year). */
export function isoWeek(day: Day): { y: number; w: number } {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { y: thursday.y, w: Math.floor(dayDiff(jan1, thursday) / 7) + 1 };
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, "0");
export const formatDay = (day: Day): string => `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
export const formatMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;

export function formatWeek(day: Day, offsetWeeks = 0): string {
  const week = isoWeek(addDays(day, offsetWeeks * 7));
  return `${pad(week.y, 4)}-W${pad(week.w)}`;
}

/** The `nth` given weekday of a month (nth -1: the last one). */
export function nthWeekday(y: number, m: number, weekday: number, nth: number): Day {
  if (nth < 0) {
    const last = { y, m, d: daysInMonth(y, m) };
    return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = { y, m, d: 1 };
  return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + (nth - 1) * 7);
}

/** Western Easter Sunday (anonymous Gregorian computus). */
export function easter(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** The weekday `weekday` nearest to `ref` in a direction: back (on or before), forward (on or after). */
export function weekdayFrom(ref: Day, weekday: number, direction: "back" | "forward" | "week"): Day {
  const today = isoWeekday(ref);
  if (direction === "back") return addDays(ref, -((today - weekday + 7) % 7));
  if (direction === "forward") return addDays(ref, (weekday - today + 7) % 7);
  return addDays(ref, weekday - today);
}
