import { z } from "zod";
import {
  type Briefing,
  type Citation,
  type KeyFigure,
  type KeyPoint,
  type TimelineEntry,
  zBriefingSource,
  zCitedText,
  zKeyFigure,
  zKeyPoint,
  zTimelineEntry,
} from "../schemas/briefing";

/** Where an event sits in time in one version: enough to say "moved from March to 19 March". */
const zTimelineDating = z.object({
  date: z.string(),
  dates: z.array(z.string()),
  conflict: z.boolean(),
  expected: z.boolean(),
});

/**
 * What changed from one version of a briefing to the next, for "what changed since version n". Key points are
 * the same when their sentences and citations are; timeline entries when they tell the same event (same wording,
 * or a report from the same paragraph); figures when they measure the same thing (subject, kind, unit).
 */
export const zBriefingDiff = z.object({
  /** Anything at all differs below. */
  changed: z.boolean(),
  headline: z.object({
    changed: z.boolean(),
    previous: zCitedText.nullable(),
    next: zCitedText.nullable(),
  }),
  keyPoints: z.object({
    /** Points of the next version that the previous one did not have. */
    added: z.array(zKeyPoint),
    /** Points of the previous version that are gone. */
    removed: z.array(zKeyPoint),
    /** The same wording with other citations (another outlet now says it too, or one no longer does). */
    recited: z.array(z.object({ previous: zKeyPoint, next: zKeyPoint })),
    /** Same wording and citations; numbers of the point in each version (a point may move up or down). */
    unchanged: z.array(z.object({ previous: z.number().int(), next: z.number().int() })),
  }),
  timeline: z.object({
    added: z.array(zTimelineEntry),
    removed: z.array(zTimelineEntry),
    /** One event dated differently: another date, another set of dates, or a conflict found or resolved. */
    dateChanged: z.array(z.object({ event: zCitedText, previous: zTimelineDating, next: zTimelineDating })),
  }),
  figures: z.object({
    added: z.array(zKeyFigure),
    removed: z.array(zKeyFigure),
    /** The same quantity with other values, or a disagreement between sources found or resolved. */
    changed: z.array(z.object({ previous: zKeyFigure, next: zKeyFigure })),
  }),
  sources: z.object({ added: z.array(zBriefingSource), removed: z.array(zBriefingSource) }),
});
export type BriefingDiff = z.infer<typeof zBriefingDiff>;

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const citationKey = (c: Citation) => `${c.articleId}¶${c.paragraph}`;

const pointText = (point: KeyPoint) => squash(point.sentences.map((s) => s.text).join(" "));
const pointKey = (point: KeyPoint) =>
  point.sentences
    .map((s) => `${squash(s.text)}\u0000${s.citations.map(citationKey).join(",")}`)
    .join("\u0001");

/**
 * Pairs items of two lists in passes, each pass by a looser key; an item is paired at most once, first come
 * first served in list order (so duplicates pair one to one).
 */
function pairUp<T>(
  previous: readonly T[],
  next: readonly T[],
  keys: ReadonlyArray<(item: T) => readonly string[]>,
): { pairs: Array<[T, T]>; added: T[]; removed: T[] } {
  const freePrevious = new Set(previous.map((_, i) => i));
  const freeNext = new Set(next.map((_, i) => i));
  const pairs: Array<[number, number]> = [];
  for (const keysOf of keys) {
    const byKey = new Map<string, number[]>();
    for (const i of freePrevious)
      for (const key of keysOf(previous[i]!)) byKey.set(key, [...(byKey.get(key) ?? []), i]);
    for (const j of [...freeNext]) {
      for (const key of keysOf(next[j]!)) {
        const i = byKey.get(key)?.find((candidate) => freePrevious.has(candidate));
        if (i === undefined) continue;
        pairs.push([i, j]);
        freePrevious.delete(i);
        freeNext.delete(j);
        break;
      }
    }
  }
  return {
    pairs: pairs.sort((a, b) => a[1] - b[1]).map(([i, j]) => [previous[i]!, next[j]!]),
    added: [...freeNext].sort((a, b) => a - b).map((j) => next[j]!),
    removed: [...freePrevious].sort((a, b) => a - b).map((i) => previous[i]!),
  };
}

function diffKeyPoints(previous: readonly KeyPoint[], next: readonly KeyPoint[]) {
  const { pairs, added, removed } = pairUp(previous, next, [(p) => [pointKey(p)], (p) => [pointText(p)]]);
  const recited: BriefingDiff["keyPoints"]["recited"] = [];
  const unchanged: BriefingDiff["keyPoints"]["unchanged"] = [];
  for (const [a, b] of pairs) {
    if (pointKey(a) === pointKey(b)) unchanged.push({ previous: a.n, next: b.n });
    else recited.push({ previous: a, next: b });
  }
  return { added, removed, recited, unchanged };
}

const reportKeys = (entry: TimelineEntry) =>
  entry.reports.map((r) => `${citationKey(r.citation)}\u0000${squash(r.text)}`);
const dating = (entry: TimelineEntry) => ({
  date: entry.date,
  dates: [...entry.dates],
  conflict: entry.conflict,
  expected: entry.expected,
});
const sameDating = (a: TimelineEntry, b: TimelineEntry) =>
  a.date === b.date &&
  a.conflict === b.conflict &&
  [...a.dates].sort().join("|") === [...b.dates].sort().join("|");

/**
 * An event keeps its identity when its wording changes (a new source's sentence may now represent it) as long
 * as one report from the same paragraph is in both versions.
 */
function diffTimeline(previous: readonly TimelineEntry[], next: readonly TimelineEntry[]) {
  const { pairs, added, removed } = pairUp(previous, next, [
    (e) => [`${squash(e.event.text)}\u0000${e.date}`],
    (e) => [squash(e.event.text)],
    reportKeys,
  ]);
  const dateChanged = pairs
    .filter(([a, b]) => !sameDating(a, b))
    .map(([a, b]) => ({ event: b.event, previous: dating(a), next: dating(b) }));
  return { added, removed, dateChanged };
}

const figureKey = (f: KeyFigure) =>
  `${squash(f.subject ?? "").toLowerCase()}\u0000${f.kind}\u0000${f.unit ?? ""}`;
const figureValues = (f: KeyFigure) =>
  [...new Set(f.values.map((v) => `${v.value}\u0000${v.qualifier}`))].sort();

/**
 * Figures without a subject ("$550 billion" with no noun phrase) share a key with every other amount of their
 * unit, so they pair by a value in common first and by key alone only for what is left.
 */
function diffFigures(previous: readonly KeyFigure[], next: readonly KeyFigure[]) {
  const { pairs, added, removed } = pairUp(previous, next, [
    (f) => [`${figureKey(f)}\u0000${figureValues(f).join("|")}`],
    (f) => f.values.map((v) => `${figureKey(f)}\u0000${v.value}`),
    (f) => (f.subject ? [figureKey(f)] : []),
  ]);
  const changed = pairs
    .filter(([a, b]) => a.conflict !== b.conflict || figureValues(a).join("|") !== figureValues(b).join("|"))
    .map(([a, b]) => ({ previous: a, next: b }));
  return { added, removed, changed };
}

/** What changed between two versions of a briefing (pure; neither argument is modified). */
export function diffBriefings(previous: Briefing, next: Briefing): BriefingDiff {
  const before = previous.headline ? squash(previous.headline.text) : null;
  const after = next.headline ? squash(next.headline.text) : null;
  const headline = { changed: before !== after, previous: previous.headline, next: next.headline };
  const keyPoints = diffKeyPoints(previous.keyPoints, next.keyPoints);
  const timeline = diffTimeline(previous.timeline, next.timeline);
  const figures = diffFigures(previous.figures, next.figures);
  const previousSources = new Set(previous.sources.map((s) => s.articleId));
  const nextSources = new Set(next.sources.map((s) => s.articleId));
  const sources = {
    added: next.sources.filter((s) => !previousSources.has(s.articleId)),
    removed: previous.sources.filter((s) => !nextSources.has(s.articleId)),
  };
  const changed =
    headline.changed ||
    [
      keyPoints.added,
      keyPoints.removed,
      keyPoints.recited,
      timeline.added,
      timeline.removed,
      timeline.dateChanged,
      figures.added,
      figures.removed,
      figures.changed,
      sources.added,
      sources.removed,
    ].some((list) => list.length > 0);
  return { changed, headline, keyPoints, timeline, figures, sources };
}
