import type { TimelineEntry } from "@parallax/core";
import { formatDate } from "./format";

const DAY = 86_400_000;

/** The span an ISO date of any precision stands for (`2026-03-19`, `2026-03`, `2026-W12`, `2026-Q2`, `2026-SU`, `2026`). */
export function dateSpan(iso: string): { start: number; end: number } | null {
  const utc = (y: number, m: number, d = 1) => Date.UTC(y, m, d);
  let match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (match) {
    const start = utc(+match[1]!, +match[2]! - 1, +match[3]!);
    return Number.isNaN(start) ? null : { start, end: start + DAY };
  }
  match = /^(\d{4})-(\d{2})$/.exec(iso);
  if (match) return { start: utc(+match[1]!, +match[2]! - 1), end: utc(+match[1]!, +match[2]!) };
  match = /^(\d{4})-W(\d{2})$/.exec(iso);
  if (match) {
    // ISO week 1 holds 4 January; close enough for placing a mark.
    const start = utc(+match[1]!, 0, 4) + (+match[2]! - 1) * 7 * DAY;
    return { start, end: start + 7 * DAY };
  }
  match = /^(\d{4})-Q([1-4])$/.exec(iso);
  if (match) return { start: utc(+match[1]!, (+match[2]! - 1) * 3), end: utc(+match[1]!, +match[2]! * 3) };
  match = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(iso);
  if (match) {
    const first = { SP: 2, SU: 5, FA: 8, AU: 8, WI: 11 }[match[2] as "SP"];
    return { start: utc(+match[1]!, first), end: utc(+match[1]!, first + 3) };
  }
  match = /^(\d{4})$/.exec(iso);
  if (match) return { start: utc(+match[1]!, 0), end: utc(+match[1]! + 1, 0) };
  match = /^(\d{3})$/.exec(iso);
  if (match) return { start: utc(+match[1]! * 10, 0), end: utc(+match[1]! * 10 + 10, 0) };
  return null;
}

const WIDTH = 720;
const MARGIN = 28;
const LANE = 26;
const MAX_LANES = 6;
/** Marks closer than this share no lane. */
const MIN_GAP = 30;

interface Placed {
  n: number;
  entry: TimelineEntry;
  x: number;
  lane: number;
  /** The spread of the dates sources give, for a conflict. */
  range: [number, number] | null;
}

/**
 * The timeline on a date axis: reported events as filled circles, expected ones as hollow diamonds, events whose
 * sources give conflicting dates marked ⚠ with the spread of those dates drawn on the axis. Marks are numbered
 * as the list that follows it (the chart's accessible alternative); shapes and symbols, never colour, carry the
 * meaning.
 */
export function TimelineChart({
  entries,
  id = "timeline-chart",
}: {
  entries: readonly TimelineEntry[];
  id?: string;
}) {
  const spans = entries.map((entry) => ({ entry, span: dateSpan(entry.date) }));
  const placeable = spans.filter((s) => s.span !== null);
  if (placeable.length === 0) return null;
  const times = spans.flatMap(({ entry, span }) => [
    ...(span ? [span.start, span.end] : []),
    ...(entry.conflict
      ? entry.dates.flatMap((d) => (dateSpan(d) ? [dateSpan(d)!.start, dateSpan(d)!.end] : []))
      : []),
  ]);
  let min = Math.min(...times);
  let max = Math.max(...times);
  if (max - min < 2 * DAY) {
    min -= DAY;
    max += DAY;
  }
  const x = (t: number) => MARGIN + ((t - min) / (max - min)) * (WIDTH - 2 * MARGIN);

  const lanes: number[] = [];
  const placed: Placed[] = [];
  spans.forEach(({ entry, span }, i) => {
    if (!span) return;
    const at = x((span.start + span.end) / 2);
    let lane = lanes.findIndex((last) => at - last >= MIN_GAP);
    if (lane < 0) lane = lanes.length < MAX_LANES ? lanes.length : i % MAX_LANES;
    lanes[lane] = at;
    const conflictSpans = entry.conflict ? entry.dates.map(dateSpan).filter((s) => s !== null) : [];
    const range: [number, number] | null =
      conflictSpans.length > 1
        ? [x(Math.min(...conflictSpans.map((s) => s.start))), x(Math.max(...conflictSpans.map((s) => s.end)))]
        : null;
    placed.push({ n: i + 1, entry, x: at, lane, range });
  });

  const laneCount = Math.max(1, lanes.length);
  const axisY = 16 + laneCount * LANE + 8;
  const height = axisY + 64;
  const ticks = Array.from({ length: 5 }, (_, i) => min + ((max - min) * i) / 4);
  const long = max - min > 3 * 365 * DAY;
  const tickLabel = (t: number) => {
    const iso = new Date(t).toISOString();
    return long ? iso.slice(0, 4) : (formatDate(iso) ?? iso.slice(0, 10));
  };
  const expected = placed.filter((p) => p.entry.expected).length;
  const conflicts = placed.filter((p) => p.entry.conflict);
  const unplaced = entries.length - placed.length;
  const first = formatDate(new Date(min).toISOString());
  const last = formatDate(new Date(max).toISOString());

  return (
    <figure className="timeline-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>Timeline of the story’s events on a date axis</title>
        <desc id={`${id}-desc`}>
          {`${placed.length} events between ${first} and ${last}: ${placed.length - expected} reported (filled circles), ${expected} expected (hollow diamonds).`}
          {conflicts.length > 0
            ? ` Sources give conflicting dates for ${conflicts.length === 1 ? "event" : "events"} ${conflicts.map((c) => c.n).join(", ")} (marked ⚠, their dates' spread drawn on the axis).`
            : " No event has conflicting dates."}
          {unplaced > 0 ? ` ${unplaced} with dates that cannot be placed are only in the list.` : ""}
          {" The numbered list below gives every event."}
        </desc>
        <line className="tl-axis" x1={MARGIN} x2={WIDTH - MARGIN} y1={axisY} y2={axisY} />
        {ticks.map((t, i) => (
          <g key={t} className="tl-tick">
            <line x1={x(t)} x2={x(t)} y1={axisY} y2={axisY + 5} />
            <text
              x={x(t)}
              y={axisY + 18}
              textAnchor={i === 0 ? "start" : i === ticks.length - 1 ? "end" : "middle"}
            >
              {tickLabel(t)}
            </text>
          </g>
        ))}
        {placed.map((p) =>
          p.range ? (
            <line
              key={`range-${p.n}`}
              className="tl-range"
              x1={p.range[0]}
              x2={Math.max(p.range[1], p.range[0] + 2)}
              y1={axisY - 3}
              y2={axisY - 3}
            />
          ) : null,
        )}
        {placed.map((p) => {
          const y = axisY - 14 - p.lane * LANE;
          const kind = p.entry.expected ? "expected" : "reported";
          return (
            <g
              key={p.n}
              className={`tl-event tl-${kind}${p.entry.conflict ? " tl-conflict" : ""}`}
              data-date={p.entry.date}
            >
              <title>{`${p.n}. ${p.entry.date} (${kind}${p.entry.conflict ? ", dates conflict" : ""}): ${p.entry.event.text}`}</title>
              <line className="tl-stem" x1={p.x} x2={p.x} y1={y + 6} y2={axisY} />
              {p.entry.expected ? (
                <path
                  className="tl-mark"
                  d={`M ${p.x} ${y - 7} L ${p.x + 7} ${y} L ${p.x} ${y + 7} L ${p.x - 7} ${y} Z`}
                />
              ) : (
                <circle className="tl-mark" cx={p.x} cy={y} r={6} />
              )}
              <text className="tl-label" x={p.x + 10} y={y + 4}>
                {p.entry.conflict ? `${p.n} ⚠` : String(p.n)}
              </text>
            </g>
          );
        })}
        <g className="tl-legend" transform={`translate(${MARGIN} ${axisY + 42})`}>
          <circle className="tl-mark tl-reported" cx={6} cy={0} r={5} />
          <text x={16} y={4}>
            reported
          </text>
          <path className="tl-mark tl-expected" d="M 106 -6 L 112 0 L 106 6 L 100 0 Z" />
          <text x={118} y={4}>
            expected
          </text>
          <text x={200} y={4}>
            ⚠ dates conflict
          </text>
        </g>
      </svg>
      <figcaption className="muted">
        Numbers match the list below. Filled circle: reported; hollow diamond: expected; ⚠: sources give
        conflicting dates (their spread is drawn along the axis).
      </figcaption>
    </figure>
  );
}
