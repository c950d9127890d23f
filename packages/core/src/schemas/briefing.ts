import { z } from "zod";
import { zGenre } from "./article";
import { zEntityType, zFigure, zTimePrecision } from "./enrichment";

/**
 * A pointer from a sentence of a briefing to the paragraph that supports it: the article, the label readers see
 * for its source ("Caixin", "nippon.com") and the paragraph's number as shown to readers (¶n, 1-based).
 */
export const zCitation = z.object({
  articleId: z.string().min(1),
  source: z.string().min(1),
  paragraph: z.number().int().positive(),
});
export type Citation = z.infer<typeof zCitation>;

/** Text taken from the sources with the paragraphs that support it; a briefing has no text without one. */
export const zCitedText = z.object({
  text: z.string().min(1),
  citations: z.array(zCitation).min(1),
});
export type CitedText = z.infer<typeof zCitedText>;

export const zBriefingScope = z.enum(["story", "article"]);
export type BriefingScope = z.infer<typeof zBriefingScope>;

/** One numbered point of the summary: source sentences, each citing every paragraph that says it. */
export const zKeyPoint = z.object({
  n: z.number().int().positive(),
  sentences: z.array(zCitedText).min(1),
  /** Articles cited anywhere in the point, in source order. */
  articleIds: z.array(z.string()),
  /** The wording comes from an opinion or analysis piece (shown as such, never as plain fact). */
  genre: zGenre,
  /** Who the point's wording quotes or reports, when it is someone's statement. */
  attributedTo: z.string().nullable(),
});
export type KeyPoint = z.infer<typeof zKeyPoint>;

/** A person, organisation or place the story is about, with how much each source names it. */
export const zBriefingEntity = z.object({
  slug: z.string().min(1),
  name: z.string().min(1),
  type: zEntityType,
  /** One line from the text that says who or what it is ("deputy dean of the School of International Relations"). */
  description: zCitedText.nullable(),
  mentions: z.array(
    z.object({ articleId: z.string(), source: z.string(), count: z.number().int().positive() }),
  ),
  total: z.number().int().nonnegative(),
});
export type BriefingEntity = z.infer<typeof zBriefingEntity>;

/** How one source dates an event of the timeline: its own date, wording and paragraph. */
export const zTimelineReport = z.object({
  articleId: z.string(),
  source: z.string(),
  /** The event's date as this source gives it (ISO to its precision), never the article's publication date. */
  date: z.string().min(4),
  precision: zTimePrecision,
  /** After this article's publication date; null when the article has no date to judge by. */
  expected: z.boolean().nullable(),
  text: z.string().min(1),
  citation: zCitation,
  /** Taken from the article's own dated digest timeline rather than its running text. */
  fromDigest: z.boolean(),
});
export type TimelineReport = z.infer<typeof zTimelineReport>;

/** One event of the story, merged across the sources that date it. */
export const zTimelineEntry = z.object({
  /** The most precise date the sources agree on; with a conflict, the date most sources give. */
  date: z.string().min(4),
  precision: zTimePrecision,
  /** Still ahead for every source that can tell (relative to each article's own publication date). */
  expected: z.boolean(),
  event: zCitedText,
  reports: z.array(zTimelineReport).min(1),
  /** Sources give incompatible dates for this event (both are in `dates`). */
  conflict: z.boolean(),
  /** Every distinct date the sources give, most precise first. */
  dates: z.array(z.string()),
});
export type TimelineEntry = z.infer<typeof zTimelineEntry>;

/** One value of a key figure as one or more sources state it. */
export const zFigureValue = z.object({
  text: z.string().min(1),
  value: z.number(),
  qualifier: zFigure.shape.qualifier,
  citations: z.array(zCitation).min(1),
});
export type FigureValue = z.infer<typeof zFigureValue>;

/** A quantity of the story ("investment pledge": $550 billion) with every value the sources give for it. */
export const zKeyFigure = z.object({
  subject: z.string().nullable(),
  kind: zFigure.shape.kind,
  unit: z.string().nullable(),
  values: z.array(zFigureValue).min(1),
  /** Sources state values that cannot both be true (a difference of precision is not a conflict). */
  conflict: z.boolean(),
  articleIds: z.array(z.string()),
});
export type KeyFigure = z.infer<typeof zKeyFigure>;

export const zBriefingSource = z.object({
  articleId: z.string(),
  /** The label citations use: the outlet's name, or a stand-in when the article names none. */
  label: z.string().min(1),
  outlet: z.string().nullable(),
  country: z.string().nullable(),
  title: z.string(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** What relative dates were read against when the article has no publication date (its latest own date). */
  referenceDate: z.string().nullable(),
  genre: zGenre,
  /** The genre comes from the text (title kicker, first-person argument), not from the page's own metadata. */
  genreInferred: z.boolean(),
});
export type BriefingSource = z.infer<typeof zBriefingSource>;

/**
 * A briefing of a story (or of one article): headline, key points, who's involved, timeline, key figures and
 * sources. Every text in it is taken from the sources and cites the paragraphs that support it. Built by
 * `buildBriefing` (`@parallax/core/brief`), which is pure: the same articles give the same briefing.
 */
export const zBriefing = z.object({
  /** Version of the briefing builder, so stored briefings of an older builder can be rebuilt. */
  builder: z.number().int().positive(),
  scope: zBriefingScope,
  headline: zCitedText.nullable(),
  keyPoints: z.array(zKeyPoint).max(7),
  entities: z.array(zBriefingEntity),
  timeline: z.array(zTimelineEntry),
  figures: z.array(zKeyFigure),
  sources: z.array(zBriefingSource),
});
export type Briefing = z.infer<typeof zBriefing>;
