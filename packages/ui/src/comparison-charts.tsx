import type { Emphasis, SideVoices, WordChoiceAction } from "@parallax/core";
import { WordingTable } from "./comparison-parts";
import { ScrollArea } from "./scroll-area";

export interface BarGroup {
  label: string;
  bars: Array<{ label: string /** 0–1 */; value: number; text: string }>;
}

const WIDTH = 640;
const LABEL_WIDTH = 230;
const BAR_MAX = WIDTH - LABEL_WIDTH - 70;
const ROW = 22;
const GROUP_HEAD = 24;

/** Text for an SVG label that has no room to wrap; the full text is in the table that follows the chart. */
function clip(text: string, max = 32): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const share = (x: number) => `${Math.round(Math.max(0, Math.min(1, x)) * 100)} %`;

/**
 * Horizontal bars in labelled groups, every bar named and valued in text beside it (so no colour is needed to
 * read it). `title` and `desc` name the chart for screen readers; a data table must follow it.
 */
export function BarChart({
  id,
  title,
  desc,
  groups,
}: {
  id: string;
  title: string;
  desc: string;
  groups: readonly BarGroup[];
}) {
  const shown = groups.filter((g) => g.bars.length > 0);
  if (shown.length === 0) return null;
  let y = 4;
  const rows = shown.map((group) => {
    const top = y;
    y += GROUP_HEAD + group.bars.length * ROW + 6;
    return { group, top };
  });
  return (
    <figure className="cmp-chart">
      <ScrollArea className="cmp-chart-scroll" label={`${title} (scrolls sideways)`}>
        <svg viewBox={`0 0 ${WIDTH} ${y}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{desc}</desc>
          {rows.map(({ group, top }, g) => (
            <g key={`${group.label}-${g}`} className="cmp-chart-group">
              <text className="cmp-chart-group-label" x={0} y={top + 16}>
                {clip(group.label, 60)}
              </text>
              {group.bars.map((bar, i) => {
                const barY = top + GROUP_HEAD + i * ROW;
                const w = Math.max(1, Math.max(0, Math.min(1, bar.value)) * BAR_MAX);
                return (
                  <g key={`${bar.label}-${i}`} className="cmp-chart-bar">
                    <title>{`${group.label}: ${bar.label}, ${bar.text}`}</title>
                    <text x={LABEL_WIDTH - 8} y={barY + 14} textAnchor="end">
                      {clip(bar.label)}
                    </text>
                    <rect x={LABEL_WIDTH} y={barY + 3} width={w} height={ROW - 8} />
                    <text x={LABEL_WIDTH + w + 6} y={barY + 14}>
                      {bar.text}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </ScrollArea>
    </figure>
  );
}

/** Whom each side quotes: each side's top speakers by share of its quoted words. */
export function VoicesChart({ voices, perSide = 6 }: { voices: readonly SideVoices[]; perSide?: number }) {
  return (
    <BarChart
      id="cmp-voices-chart"
      title="Whom each side quotes, by share of its quoted words"
      desc={`For each of ${voices.length} sides, its ${perSide} most quoted speakers and their share of the side's quoted and paraphrased words. The tables below give every speaker.`}
      groups={voices.map((side) => ({
        label: `${side.side} (${side.quotes} quote${side.quotes === 1 ? "" : "s"})`,
        bars: [...side.voices]
          .sort((a, b) => b.share - a.share)
          .slice(0, perSide)
          .map((v) => ({ label: `${v.speaker} (${v.kind})`, value: v.share, text: share(v.share) })),
      }))}
    />
  );
}

/** How much each side mentions each main entity, as a share of its entity mentions. */
export function EmphasisChart({
  emphasis,
  sides,
  limit = 8,
}: {
  emphasis: readonly Emphasis[];
  sides: readonly string[];
  limit?: number;
}) {
  const entities = emphasis.slice(0, limit);
  return (
    <BarChart
      id="cmp-emphasis-chart"
      title="Emphasis: each side's share of mentions per entity"
      desc={`For the ${entities.length} main entities, the share of each side's entity mentions that name it (sides: ${sides.join(", ")}). The table below gives the numbers and tone.`}
      groups={entities.map((e) => ({
        label: e.name,
        bars: sides.map((side) => {
          const s = e.sides.find((x) => x.side === side);
          const value = s?.share ?? 0;
          return {
            label: side,
            value,
            text: s && s.mentions > 0 ? `${share(value)} (${s.mentions})` : "not mentioned",
          };
        }),
      }))}
    />
  );
}

/** How each side words the acts and things of the facts they share ("the meeting" / "a summit"). */
export function ActionsTable({ actions, sides }: { actions: readonly WordChoiceAction[]; sides: string[] }) {
  return (
    <WordingTable
      rows={actions.map((action) => ({
        key: action.concept,
        name: action.concept,
        differs: action.differs,
        sides: action.sides,
      }))}
      sides={sides}
      caption="How each side words the same acts and events (in bold: wording only that side uses)"
      rowHeader="Concept"
      differsLabel="worded differently"
    />
  );
}
