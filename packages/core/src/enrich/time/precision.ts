import type { TimeExpression, TimePrecision } from "../../schemas/enrichment";

const DURATION_UNIT: Record<string, TimePrecision> = {
  S: "time",
  H: "time",
  D: "day",
  W: "week",
  M: "month",
  Q: "quarter",
  Y: "year",
  DE: "decade",
  CE: "century",
};

/**
 * How fine a value is. Dates and times by their most specific part (`2026-03` month, `199X` decade,
 * `2026-H1` quarter as the nearest kind); durations and sets by their smallest unit (`P3Y` year, `PT24H`
 * time); `PRESENT_REF` and its kin have none.
 */
export function precisionOf(type: TimeExpression["type"], value: string): TimePrecision | null {
  if (type === "duration" || (type === "set" && value.startsWith("P"))) {
    if (value.startsWith("PT")) return "time";
    const unit = /(DE|CE|[YQMWDH])$/.exec(value)?.[1];
    return unit ? (DURATION_UNIT[unit] ?? null) : null;
  }
  if (/_REF$/.test(value)) return null;
  if (/T/.test(value.slice(4))) return "time";
  if (/^[\dX]{4}-[\dX]{2}-[\dX]{2}$/.test(value)) return "day";
  if (/^[\dX]{4}-W(?:\d\d|XX)(?:-WE)?$/.test(value)) return "week";
  if (/^[\dX]{4}-WXX-\d$/.test(value)) return "day";
  if (/^[\dX]{4}-\d\d$/.test(value)) return "month";
  if (/^[\dX]{4}-(?:SP|SU|FA|WI)$/.test(value)) return "season";
  if (/^[\dX]{4}-(?:Q\d|H\d)$/.test(value)) return "quarter";
  if (/^\d{4}$/.test(value)) return "year";
  if (/^\d{3}X?$/.test(value)) return "decade";
  if (/^\d{2}(?:XX)?$/.test(value)) return "century";
  return null;
}
