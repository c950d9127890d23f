import {
  addDays,
  addMonths,
  type Day,
  formatDay,
  formatMonth,
  formatWeek,
  isoWeekday,
  pad,
  weekdayFrom,
} from "./calendar";
import { SEASON_START } from "./lexicon";
import { type Context, yearFor } from "./patterns";

/** this / last / next and their variants, reduced to one offset: 0, -1, +1; null when none was said. */
export function relation(word: string | undefined): -1 | 0 | 1 | null {
  if (!word) return null;
  const w = word.toLowerCase().replace(/[\s\u00a0]+/g, " ");
  if (/^(?:last|past|this past|previous|the previous|the past|the last|preceding|the preceding)$/.test(w))
    return -1;
  if (/^(?:next|coming|this coming|the coming|the next|following|the following|upcoming)$/.test(w)) return 1;
  return 0;
}

/** A month named without a year: "last January", "this March", "in November", "March next year". */
export function monthValue(
  month: number,
  rel: -1 | 0 | 1 | null,
  yearShift: number | null,
  ctx: Context,
): string {
  const ref = ctx.ref;
  if (!ref) return `XXXX-${pad(month)}`;
  let y: number;
  if (yearShift !== null) y = ref.y + yearShift;
  else if (rel === -1) y = month < ref.m ? ref.y : ref.y - 1;
  else if (rel === 1) y = month > ref.m ? ref.y : ref.y + 1;
  else if (rel === 0) y = ref.y;
  else y = yearFor(month, null, ref, ctx.tense());
  return formatMonth(y, month);
}

/** A day of a month named without a year ("March 19"): this year's unless the tense points across New Year. */
export function monthDayValue(month: number, day: number, ctx: Context): string {
  if (!ctx.ref) return `XXXX-${pad(month)}-${pad(day)}`;
  return formatDay({ y: yearFor(month, day, ctx.ref, ctx.tense()), m: month, d: day });
}

const seasonIndex = (season: string) => Math.floor((SEASON_START[season] ?? 3) / 3) % 4;
const currentSeason = (ref: Day) => Math.floor(ref.m / 3) % 4;

/** "this summer", "last fall", "next spring" against the reference date; a winter is its December's year. */
export function seasonValue(season: string, rel: -1 | 0 | 1 | null, ctx: Context): string {
  const ref = ctx.ref;
  if (!ref) return `XXXX-${season}`;
  // Seasons ordered within a season year that runs from spring to winter (January belongs to last year's).
  const order = (s: number) => (s + 3) % 4;
  const here = order(currentSeason(ref));
  const there = order(seasonIndex(season));
  const seasonYear = ref.m <= 2 ? ref.y - 1 : ref.y;
  const tense = rel === null ? ctx.tense() : null;
  let y: number;
  if (rel === -1) y = there < here ? seasonYear : seasonYear - 1;
  else if (rel === 1) y = there > here ? seasonYear : seasonYear + 1;
  else if (tense === "past") y = there <= here ? seasonYear : seasonYear - 1;
  else if (tense === "future") y = there >= here ? seasonYear : seasonYear + 1;
  else y = season === "WI" ? seasonYear : ref.y;
  return `${pad(y, 4)}-${season}`;
}

export type PartOfDay = "MO" | "MI" | "AF" | "EV" | "NI";

/**
 * A weekday: last/next as said, else the tense decides between the past few days and the coming ones, and
 * without a tense it is the day of the reference date's week (TimeML practice).
 */
export function weekdayValue(weekday: number, rel: -1 | 0 | 1 | null, ctx: Context): string {
  const ref = ctx.ref;
  if (!ref) return `XXXX-WXX-${weekday}`;
  let day: Day;
  if (rel === -1) day = weekdayFrom(addDays(ref, -1), weekday, "back");
  else if (rel === 1) day = weekdayFrom(addDays(ref, 1), weekday, "forward");
  else if (rel === 0) day = weekdayFrom(ref, weekday, "week");
  else {
    const tense = ctx.tense();
    day =
      tense === "past"
        ? weekdayFrom(ref, weekday, "back")
        : tense === "future"
          ? weekdayFrom(ref, weekday, "forward")
          : weekdayFrom(ref, weekday, "week");
  }
  return formatDay(day);
}

/** What an untensed weekday means in news copy: the same week as the reference date. */

/** The period `n` units away from the reference date, at the unit's precision ("two years ago" → 2024). */
export function shiftValue(ref: Day, unit: string, n: number): string | null {
  const u = unit.toLowerCase().replace(/s$/, "").replace(/ie$/, "y");
  switch (u) {
    case "day":
      return formatDay(addDays(ref, n));
    case "week":
      return formatWeek(ref, n);
    case "weekend":
      return `${formatWeek(ref, n)}-WE`;
    case "month": {
      const m = addMonths(ref.y, ref.m, n);
      return formatMonth(m.y, m.m);
    }
    case "quarter": {
      const q = addMonths(ref.y, ref.m, n * 3);
      return `${pad(q.y, 4)}-Q${Math.ceil(q.m / 3)}`;
    }
    case "year":
    case "fiscal year":
      return pad(ref.y + n, 4);
    case "decade":
      return `${String(Math.floor((ref.y + n * 10) / 10))}X`;
    case "century":
      return pad(Math.floor((ref.y + n * 100) / 100), 2);
    default:
      return null;
  }
}

export function dayValue(ref: Day, offset: number, part?: PartOfDay | null): string {
  const day = formatDay(addDays(ref, offset));
  return part ? `${day}T${part}` : day;
}

/** The reference date's weekend (Saturday and Sunday of its ISO week), or the one the tense points to. */
export function weekendValue(ref: Day, rel: -1 | 0 | 1 | null, ctx: Context): string {
  let offset = rel ?? 0;
  if (rel === null && ctx.tense() === "past" && isoWeekday(ref) < 6) offset = -1;
  return `${formatWeek(ref, offset)}-WE`;
}
