import { addDays, type Day, formatDay, formatMonth, formatWeek, pad, parseReference } from "./calendar";
import { type Context, type Rule, rx, S } from "./patterns";
import { relation, shiftValue } from "./resolve";

// Rules for dates said relative to the story's own last date: "that day", "the next morning", "later that
// year", "the following month". Without an earlier date in the text they fall back to the reference date.

const UNIT = "(?<unit>day|morning|afternoon|evening|night|week|month|year)";

/** The last date the text named, as a day (month or year precision widened to its first day), and its precision. */
function anchor(ctx: Context): { day: Day; precision: "day" | "month" | "year" } | null {
  const last = ctx.memory.date;
  if (last) {
    const [y, m, d] = last.split("-").map(Number) as [number, number | undefined, number | undefined];
    return { day: { y, m: m ?? 1, d: d ?? 1 }, precision: d ? "day" : m ? "month" : "year" };
  }
  return ctx.ref ? { day: ctx.ref, precision: "day" } : null;
}

export const anaphoraRules: Rule[] = [
  {
    name: "that-day",
    re: rx(
      `(?:(?:earlier|later)${S})?(?:that|that${S}same|the${S}same|(?<rel>the${S}(?:next|following|previous|preceding)))${S}${UNIT}`,
    ),
    accept: (g, text, _start, end) =>
      // "the same day as", "that year's": fine; "that day care" or "the next year's budget" still dates.
      !/^\s*(?:-|of\b)/.test(text.slice(end, end + 4)) &&
      !(/next/i.test(g.rel ?? "") && !/^(?:day|morning|night|evening)$/i.test(g.unit!)),
    resolve: (g, ctx) => {
      const base = anchor(ctx);
      if (!base) return null;
      const unit = g.unit!.toLowerCase();
      const shift = g.rel ? (relation(g.rel.replace(/^the\s+/i, "")) ?? 0) : 0;
      if (unit === "year") return { type: "date", value: pad(base.day.y + shift, 4) };
      if (unit === "month") {
        if (base.precision === "year") return null;
        return {
          type: "date",
          value: shiftValue(base.day, "month", shift) ?? formatMonth(base.day.y, base.day.m),
        };
      }
      if (base.precision !== "day") return null;
      if (unit === "week") return { type: "date", value: formatWeek(base.day, shift) };
      return { type: "date", value: formatDay(addDays(base.day, shift)) };
    },
  },
];

/** What a resolved value leaves for the anaphora above: its calendar date part, when it has one. */
export function rememberedDate(value: string): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T|$)/.exec(value);
  if (!m) return null;
  if (m[3] && !parseReference(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join("-");
}
