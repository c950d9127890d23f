import { datesCompatible } from "../enrich/date-range";
import type { TimePrecision } from "../schemas/enrichment";

/** Precision of an ISO date as printed (`2026`, `2026-03`, `2026-03-19`); TimeML's other forms count as years. */
export function precisionOfDate(date: string): TimePrecision {
  if (/^\d{4}-\d{2}-\d{2}/.test(date)) return "day";
  if (/^\d{4}-\d{2}$/.test(date)) return "month";
  if (/^\d{4}-(?:SP|SU|FA|WI)$/.test(date)) return "season";
  if (/^\d{4}-Q[1-4]$/.test(date)) return "quarter";
  return "year";
}

const RANK: Record<TimePrecision, number> = {
  time: 0,
  day: 1,
  week: 2,
  month: 3,
  season: 4,
  quarter: 5,
  year: 6,
  decade: 7,
  century: 8,
};

/** Finer precision first. */
export const byPrecision = (a: TimePrecision, b: TimePrecision) => RANK[a] - RANK[b];

/**
 * A reference date for an article without a publication date: the latest day the article dates as past in its
 * own words (a fully written date such as "February 10, 2026", with its year), since it was written no earlier.
 * null when it writes none. The CLI and the worker pass it to enrichment as the reference date.
 */
export function inferReferenceDate(
  times: ReadonlyArray<{ text: string; type: string; value: string }>,
): string | null {
  let latest: string | null = null;
  for (const t of times) {
    if (t.type !== "date" || !/^\d{4}-\d{2}-\d{2}$/.test(t.value) || !/\b\d{4}\b/.test(t.text)) continue;
    if (!latest || t.value > latest) latest = t.value;
  }
  return latest;
}

/**
 * `datesCompatible`, remembered per pair of values for one briefing: a story's reports share a handful of dates
 * and are compared pair by pair, and each comparison parses both values again.
 */
export function datesCompatibleMemo(): (a: string, b: string) => boolean {
  const known = new Map<string, Map<string, boolean>>();
  return (a, b) => {
    let withA = known.get(a);
    if (!withA) {
      withA = new Map();
      known.set(a, withA);
    }
    let found = withA.get(b);
    if (found === undefined) {
      found = datesCompatible(a, b);
      withA.set(b, found);
    }
    return found;
  };
}
