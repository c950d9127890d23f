import { useId } from "react";
import { formatCount } from "./format";

export type MentionBucket = "day" | "week" | "month";

export interface MentionPoint {
  /** First day of the bucket, `YYYY-MM-DD` (UTC). */
  start: string;
  mentions: number;
  articles: number;
}

export interface MentionsChartProps {
  name: string;
  bucket: MentionBucket;
  points: readonly MentionPoint[];
}

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** "12 Mar 2026", "week of 9 Mar 2026", "Mar 2026". */
export function bucketLabel(bucket: MentionBucket, start: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return start;
  if (bucket === "month") return monthFormat.format(date);
  return bucket === "week" ? `week of ${dayFormat.format(date)}` : dayFormat.format(date);
}

function when(bucket: MentionBucket, start: string): string {
  const label = bucketLabel(bucket, start);
  return bucket === "day" ? `on ${label}` : bucket === "week" ? `in the ${label}` : `in ${label}`;
}

/** The axis maximum: the peak rounded up to 1, 2 or 5 times a power of ten, so the gridlines read easily. */
export function niceMaximum(peak: number): number {
  if (peak <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(peak));
  const step = [1, 2, 5, 10].find((m) => m * power >= peak) ?? 10;
  return step * power;
}

const WIDTH = 480;
const HEIGHT = 200;
const PLOT = { left: 40, right: 12, top: 12, bottom: 44 };

/**
 * Mentions per day, week or month as bars on a date axis, in plain SVG. The graphic is described by its
 * <title> and <desc>; the numbers behind it are in a table under a disclosure, for readers who cannot see it.
 */
export function MentionsChart({ name, bucket, points }: MentionsChartProps) {
  const id = useId();
  if (points.length === 0) return <p className="ent-empty">No dated mentions yet.</p>;

  const total = points.reduce((sum, p) => sum + p.mentions, 0);
  const peak = points.reduce((best, p) => (p.mentions > best.mentions ? p : best), points[0]!);
  const max = niceMaximum(peak.mentions);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = plotWidth / points.length;
  // A lone bucket would otherwise fill the whole plot and read as a block rather than a bar.
  const barWidth = Math.max(1, Math.min(slot * 0.8, 48));
  const y = (value: number) => PLOT.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 2, max].filter((t, i, all) => Number.isInteger(t) && all.indexOf(t) === i);
  const labelled = points.length === 1 ? [0] : [0, Math.floor((points.length - 1) / 2), points.length - 1];
  const per = bucket === "day" ? "day" : bucket;
  const summary =
    points.length === 1
      ? `${formatCount(total, "mention")} of ${name}, all ${when(bucket, first.start)}.`
      : `${formatCount(total, "mention")} of ${name} per ${per} from ${bucketLabel(bucket, first.start)} ` +
        `to ${bucketLabel(bucket, last.start)}; the most, ${peak.mentions}, ${when(bucket, peak.start)}.`;

  return (
    <figure className="ent-chart">
      <svg
        className="ent-chart-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{`Mentions of ${name} per ${per}`}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((t) => (
          <g key={t} className="ent-chart-grid">
            <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(t)} y2={y(t)} />
            <text x={PLOT.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          p.mentions > 0 ? (
            <rect
              key={p.start}
              className="ent-chart-bar"
              x={PLOT.left + i * slot + (slot - barWidth) / 2}
              y={y(p.mentions)}
              width={barWidth}
              height={Math.max(1, y(0) - y(p.mentions))}
            >
              <title>{`${bucketLabel(bucket, p.start)}: ${formatCount(p.mentions, "mention")} in ${formatCount(p.articles, "article")}`}</title>
            </rect>
          ) : null,
        )}
        <line className="ent-chart-axis" x1={PLOT.left} x2={WIDTH - PLOT.right} y1={y(0)} y2={y(0)} />
        {labelled.map((i, n) => (
          <text
            key={points[i]!.start}
            className="ent-chart-label"
            x={PLOT.left + i * slot + slot / 2}
            y={HEIGHT - PLOT.bottom + 18}
            textAnchor={
              labelled.length === 1
                ? "middle"
                : n === 0
                  ? "start"
                  : n === labelled.length - 1
                    ? "end"
                    : "middle"
            }
          >
            {bucketLabel(bucket === "week" ? "day" : bucket, points[i]!.start)}
          </text>
        ))}
        <text className="ent-chart-label" x={PLOT.left} y={HEIGHT - 4}>
          {`Mentions per ${per} (dates in UTC)`}
        </text>
      </svg>
      <figcaption className="ent-chart-caption">{summary}</figcaption>
      <details className="ent-chart-data">
        <summary>Mentions as a table</summary>
        <table className="ent-table">
          <caption className="visually-hidden">{`Mentions of ${name} per ${per}; ${per}s without mentions are left out`}</caption>
          <thead>
            <tr>
              <th scope="col">{per === "day" ? "Day" : per === "week" ? "Week" : "Month"}</th>
              <th scope="col">Mentions</th>
              <th scope="col">Articles</th>
            </tr>
          </thead>
          <tbody>
            {points
              .filter((p) => p.mentions > 0 || p.articles > 0)
              .map((p) => (
                <tr key={p.start}>
                  <th scope="row">
                    <time dateTime={p.start}>{bucketLabel(bucket, p.start)}</time>
                  </th>
                  <td>{p.mentions}</td>
                  <td>{p.articles}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
