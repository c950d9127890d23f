/** The first and last calendar day a TimeML date value can mean, or null when it names no definite span. */
export function dayRange(value: string): { first: string; last: string } | null {
  const pad = (n: number) => String(n).padStart(2, "0");
  const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;
  const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

  let match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match) return { first: match[0], last: match[0] };
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) {
    const [y, m] = [Number(match[1]), Number(match[2])];
    if (m < 1 || m > 12) return null;
    return { first: iso(y, m, 1), last: iso(y, m, lastDayOf(y, m)) };
  }
  match = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value);
  if (match) {
    const y = Number(match[1]);
    // Northern-hemisphere meteorological seasons; winter runs into the next year.
    const spans: Record<string, [number, number, number, number]> = {
      SP: [y, 3, y, 5],
      SU: [y, 6, y, 8],
      FA: [y, 9, y, 11],
      AU: [y, 9, y, 11],
      WI: [y, 12, y + 1, 2],
    };
    const [y1, m1, y2, m2] = spans[match[2]!]!;
    return { first: iso(y1, m1, 1), last: iso(y2, m2, lastDayOf(y2, m2)) };
  }
  match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (match) {
    const [y, q] = [Number(match[1]), Number(match[2])];
    return { first: iso(y, q * 3 - 2, 1), last: iso(y, q * 3, lastDayOf(y, q * 3)) };
  }
  match = /^(\d{4})-W(\d{2})$/.exec(value);
  if (match) {
    const [y, w] = [Number(match[1]), Number(match[2])];
    // ISO week: the week with the year's first Thursday is week 1.
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(
      jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (w - 1) * 7 * 86_400_000,
    );
    const sunday = new Date(monday.getTime() + 6 * 86_400_000);
    return { first: monday.toISOString().slice(0, 10), last: sunday.toISOString().slice(0, 10) };
  }
  match = /^(\d{4})$/.exec(value);
  if (match) return { first: `${match[1]}-01-01`, last: `${match[1]}-12-31` };
  match = /^(\d{3})X$/.exec(value);
  if (match) return { first: `${match[1]}0-01-01`, last: `${match[1]}9-12-31` };
  match = /^(\d{2})XX$/.exec(value);
  if (match) return { first: `${match[1]}00-01-01`, last: `${match[1]}99-12-31` };
  return null;
}

/**
 * Whether two date values can name the same time: equal ("agree"), one inside the other's span ("compatible": a
 * difference of precision, "March" and "March 19", a summer and a day in July), or apart ("conflict"). Values
 * naming no definite span are compatible with anything.
 */
export function compareDates(a: string, b: string): "agree" | "compatible" | "conflict" {
  if (a === b) return "agree";
  const ra = dayRange(a);
  const rb = dayRange(b);
  if (!ra || !rb) return "compatible";
  const inside = (x: typeof ra, y: typeof ra) => x.first >= y.first && x.last <= y.last;
  return inside(ra, rb) || inside(rb, ra) ? "compatible" : "conflict";
}

export const datesCompatible = (a: string, b: string): boolean => compareDates(a, b) !== "conflict";
