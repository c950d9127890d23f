import { z } from "zod";

/**
 * Where a fact came from: paragraph `n` of the article and the character span [start, end) in that paragraph's
 * text (UTF-16 offsets, as JavaScript strings index). Every enrichment item carries one.
 */
export const zSpan = z.object({
  paragraph: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Span = z.infer<typeof zSpan>;

export const entityTypes = ["person", "organization", "place", "event", "law"] as const;
export const zEntityType = z.enum(entityTypes);
export type EntityType = z.infer<typeof zEntityType>;

/** Places say what kind of place they are; laws include acts, treaties and agreements. */
export const zPlaceKind = z.enum(["country", "city", "region", "other"]);

/** One occurrence of a name in the text, resolved to the canonical entity it refers to. */
export const zMention = zSpan.extend({
  text: z.string().min(1),
  entity: z.string().min(1),
  /** `name` a proper name; `demonym` "Japanese" counted toward Japan; `acronym` "LDP"; `pronoun` not used yet. */
  form: z.enum(["name", "demonym", "acronym"]),
});
export type Mention = z.infer<typeof zMention>;

/** A canonical entity of one article: every alias that names it, how often, and what the text says it is. */
export const zEntity = z.object({
  /** Stable across articles and the corpus: `takaichi-sanae`, `liberal-democratic-party`, `united-states`. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(1),
  type: zEntityType,
  placeKind: zPlaceKind.nullable(),
  aliases: z.array(z.object({ text: z.string().min(1), count: z.number().int().positive() })),
  mentions: z.number().int().nonnegative(),
  /** One line from the text that defines it (an appositive or the defining sentence), with where it is. */
  description: zSpan.extend({ text: z.string().min(1) }).nullable(),
  /** A capital standing for its government ("Washington" → `united-states`), when the text uses it so. */
  standsFor: z.string().nullable(),
});
export type Entity = z.infer<typeof zEntity>;

export const zTimePrecision = z.enum([
  "time",
  "day",
  "week",
  "month",
  "season",
  "quarter",
  "year",
  "decade",
  "century",
]);
export type TimePrecision = z.infer<typeof zTimePrecision>;

/** A date, time, duration or set expression, with its TimeML value resolved against the publication date. */
export const zTimeExpression = zSpan.extend({
  text: z.string().min(1),
  type: z.enum(["date", "time", "duration", "set"]),
  /** As TimeML writes it: `2026-03-19`, `2026-11`, `2026-SU`, `199X`, `P1W`, `PRESENT_REF`, `XXXX-WXX-1`. */
  value: z.string().min(1),
  precision: zTimePrecision.nullable(),
});
export type TimeExpression = z.infer<typeof zTimeExpression>;

/** A dated happening in the text; `expected` when its date is after the publication date. */
export const zTimelineEvent = zSpan.extend({
  date: z.string().min(4),
  precision: zTimePrecision,
  /** A short phrase saying what happens: "Takaichi visits the White House". */
  phrase: z.string().min(1),
  actors: z.array(z.string()),
  expected: z.boolean(),
  /** The sentence the event comes from. */
  sentence: z.string().min(1),
});
export type TimelineEvent = z.infer<typeof zTimelineEvent>;

/** A number the story turns on, normalized so two articles' figures can be compared. */
export const zFigure = zSpan.extend({
  text: z.string().min(1),
  kind: z.enum(["money", "percent", "count", "ratio", "fraction"]),
  /** The value in base units ("$550 billion" → 550e9; "two-thirds" → 0.6667; "352 of the 465" → 352). */
  value: z.number(),
  /** ISO 4217 for money, "%" for percentages, else the counted noun ("seats", "people"). */
  unit: z.string().nullable(),
  /** For ratios like "352 of the 465 seats": the whole. */
  of: z.number().nullable(),
  /** How exact the text claims to be. */
  qualifier: z.enum(["exact", "over", "under", "about", "at-least", "at-most", "nearly"]),
  /** What the figure counts or measures, from its context: "investment pledge", "seats in the House of Representatives". */
  subject: z.string().nullable(),
});
export type Figure = z.infer<typeof zFigure>;

/** Speech in the text: direct quotes and reported speech with who said it, and quotation marks that are not speech. */
export const zQuote = zSpan.extend({
  text: z.string().min(1),
  kind: z.enum(["direct", "reported", "scare", "title"]),
  /** As the text names the speaker ("Gui Yongtao, deputy dean …"), and the entity it resolves to. */
  speaker: z.string().nullable(),
  speakerEntity: z.string().nullable(),
  /** The verb of saying: "said", "warned", "according to". */
  cue: z.string().nullable(),
});
export type Quote = z.infer<typeof zQuote>;

export const zKeyword = z.object({
  term: z.string().min(1),
  score: z.number(),
  count: z.number().int().positive(),
});
export type Keyword = z.infer<typeof zKeyword>;

/** Everything enrichment finds in one article; `version` says which enrichment engine made it. */
export const zEnrichment = z.object({
  version: z.number().int().positive(),
  language: z.string().nullable(),
  /** The reference date relative expressions were resolved against (the publication date, or a given one). */
  referenceDate: z.string().nullable(),
  entities: z.array(zEntity),
  mentions: z.array(zMention),
  times: z.array(zTimeExpression),
  timeline: z.array(zTimelineEvent),
  figures: z.array(zFigure),
  quotes: z.array(zQuote),
  keywords: z.array(zKeyword),
});
export type Enrichment = z.infer<typeof zEnrichment>;
