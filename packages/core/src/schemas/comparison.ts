import { z } from "zod";
import { zGenre } from "./article";
import { zEnrichment } from "./enrichment";
import { zParagraph } from "./paragraph";

/**
 * Comparisons: two or more sides (an outlet, a country's media, any label a user gives sources), each with one or
 * more articles, compared claim by claim. Every item points at the paragraphs it comes from on every side.
 */

/** Bumped whenever `compareArticles` can give a different result for the same input (cached comparisons are redone). */
export const COMPARISON_VERSION = 3;

// --- input ---------------------------------------------------------------------------------------------------

/** One article as a comparison reads it: its normalized text and what enrichment found in it. */
export const zComparisonArticleInput = z.object({
  id: z.string().min(1),
  title: z.string(),
  paragraphs: z.array(zParagraph),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  language: z.string().nullable().optional(),
  source: z
    .object({
      name: z.string().min(1),
      /** ISO 3166-1 alpha-2, upper case, when known. */
      country: z.string().length(2).nullable(),
    })
    .nullable(),
  genre: zGenre.nullable(),
  // Keywords are not compared: they are scored against the corpus of the moment, as the stored data is read.
  enrichment: zEnrichment.omit({ keywords: true }),
});
export type ComparisonArticleInput = z.infer<typeof zComparisonArticleInput>;

export const zComparisonSideInput = z.object({
  label: z.string().trim().min(1),
  articles: z.array(zComparisonArticleInput).min(1),
});
export type ComparisonSideInput = z.infer<typeof zComparisonSideInput>;

export const zComparisonInput = z.object({
  sides: z.array(zComparisonSideInput).min(2, "a comparison needs at least two sides"),
});
export type ComparisonInput = z.infer<typeof zComparisonInput>;

// --- output --------------------------------------------------------------------------------------------------

/** Where an item comes from: an article, the side it stands on, its outlet, and its paragraph (¶n, from 1). */
export const zComparisonCitation = z.object({
  articleId: z.string().min(1),
  side: z.string().min(1),
  /** The outlet's name; the side's label when the article has no source. */
  source: z.string().min(1),
  paragraph: z.number().int().positive(),
});
export type ComparisonCitation = z.infer<typeof zComparisonCitation>;

/** A sentence of one article, with its genre: opinion is never shown as fact without saying so. */
export const zComparisonPassage = z.object({
  citation: zComparisonCitation,
  text: z.string().min(1),
  genre: zGenre,
});
export type ComparisonPassage = z.infer<typeof zComparisonPassage>;

/** How the comparison classed an article: its declared genre, or what its own text shows when it declares none. */
export const zComparisonArticle = z.object({
  id: z.string().min(1),
  side: z.string().min(1),
  title: z.string(),
  source: z.string().min(1),
  country: z.string().nullable(),
  publishedAt: z.string().nullable(),
  genre: zGenre,
  genreBasis: z.enum(["declared", "title", "text"]),
  /** Sentences that argue in the author's own voice (first person, "should", rhetorical questions), per 100. */
  opinionSignals: z.number().nonnegative(),
  claims: z.number().int().nonnegative(),
});
export type ComparisonArticle = z.infer<typeof zComparisonArticle>;

export const zComparisonSide = z.object({
  label: z.string().min(1),
  articles: z.array(zComparisonArticle),
});

/** A claim both (or several) sides report: the aligned passages, at least one per side that has it. */
export const zSharedFact = z.object({
  sides: z.array(z.string()).min(2),
  passages: z.array(zComparisonPassage).min(2),
  /** Canonical entity slugs, figure texts and date values the passages have in common. */
  entities: z.array(z.string()),
  figures: z.array(z.string()),
  dates: z.array(z.string()),
  /** How closely the passages say the same thing (mean pairwise claim similarity, 0–1). */
  similarity: z.number().min(0).max(1),
  importance: z.number().nonnegative(),
  /** True when any passage comes from an opinion piece: then it is shared opinion, not shared fact. */
  opinion: z.boolean(),
});
export type SharedFact = z.infer<typeof zSharedFact>;

/** A claim one side reports and no other side does. */
export const zOnlyHereClaim = z.object({
  passage: zComparisonPassage,
  entities: z.array(z.string()),
  figures: z.array(z.string()),
  dates: z.array(z.string()),
  /** Entities, figures and dates it carries, and how early in the article it comes. */
  importance: z.number().nonnegative(),
  /** Its best match on any other side, for context (below the threshold for "shared"). */
  closest: z.number().min(0).max(1),
});
export type OnlyHereClaim = z.infer<typeof zOnlyHereClaim>;

export const zOnlyHere = z.object({ side: z.string(), claims: z.array(zOnlyHereClaim) });
export type OnlyHere = z.infer<typeof zOnlyHere>;

/** One side's value for a quantity, date or attribution, as written and as normalized. */
export const zFactValue = z.object({
  side: z.string(),
  text: z.string(),
  /** `550000000000 USD`, `2026-03-19`, `gui-yongtao`; a range when the text is approximate (`>1000 people`). */
  value: z.string(),
  passage: zComparisonPassage,
});

/**
 * The same quantity, date or attribution on two sides. `conflict`: the values cannot both be true; `compatible`:
 * one is less precise than the other ("over 1,000" and "1,200"; "March" and "March 19").
 */
export const zFactComparison = z.object({
  kind: z.enum(["figure", "date", "attribution"]),
  status: z.enum(["conflict", "compatible"]),
  /** What the values are of: the figure's subject, the event, the quoted words. */
  subject: z.string(),
  values: z.array(zFactValue).min(2),
});
export type FactComparison = z.infer<typeof zFactComparison>;

export const zWordChoiceLabel = z.object({
  /** As written: "North Korean dictator Kim Jong-un", "its leader, Kim Jong-un", "Mr. Trump". */
  text: z.string().min(1),
  count: z.number().int().positive(),
  /** No other side calls the actor this. */
  exclusive: z.boolean(),
  citations: z.array(zComparisonCitation),
});
export type WordChoiceLabel = z.infer<typeof zWordChoiceLabel>;

/** How each side names one actor (the same canonical entity on every side). */
export const zWordChoiceActor = z.object({
  entity: z.string(),
  name: z.string(),
  type: z.string(),
  sides: z.array(
    z.object({
      side: z.string(),
      mentions: z.number().int().nonnegative(),
      labels: z.array(zWordChoiceLabel),
    }),
  ),
  /** Labels only one side uses, on at least two sides: the actor is named differently. */
  differs: z.boolean(),
});
export type WordChoiceActor = z.infer<typeof zWordChoiceActor>;

/** A side's distinctive term against the other sides: weighted log-odds with an informative Dirichlet prior. */
export const zDistinctiveTerm = z.object({
  term: z.string(),
  count: z.number().int().nonnegative(),
  /** Count on the other sides together. */
  otherCount: z.number().int().nonnegative(),
  logOdds: z.number(),
  /** The log-odds divided by its standard deviation; |z| > 1.96 is conventionally significant. */
  z: z.number(),
  citations: z.array(zComparisonCitation),
});
export type DistinctiveTerm = z.infer<typeof zDistinctiveTerm>;

/** One side's wording in a word-choice pair of the same fact: the phrase, and the sentence it stands in. */
export const zWordChoicePhrase = z.object({
  side: z.string(),
  /** As written: "a sham lawsuit", "the meeting", "slammed". */
  text: z.string().min(1),
  /** The sentence (claim) the phrase comes from. */
  sentence: z.string().min(1),
  citation: zComparisonCitation,
});
export type WordChoicePhrase = z.infer<typeof zWordChoicePhrase>;

/**
 * One act, event or thing both sides speak of in a fact they share, and how each side words it wherever it comes
 * up ("the meeting" / "a summit", "the lawsuit" / "a sham lawsuit", "criticized" / "slammed"). `pairs` are the
 * shared facts where the wording differs, sentence beside sentence.
 */
export const zWordChoiceAction = z.object({
  /** What the phrases name: their shared head word, or the word their heads paraphrase ("summit" ~ "meeting": "meet"). */
  concept: z.string(),
  sides: z.array(z.object({ side: z.string(), phrases: z.array(zWordChoiceLabel) })),
  pairs: z.array(
    z.object({
      phrases: z.array(zWordChoicePhrase).min(2),
      /** Similarity of the two sentences as claims (0–1): how surely they state the same fact. */
      similarity: z.number().min(0).max(1),
    }),
  ),
  /** Phrases only one side uses, on at least two sides. */
  differs: z.boolean(),
});
export type WordChoiceAction = z.infer<typeof zWordChoiceAction>;

export const zWordChoice = z.object({
  actors: z.array(zWordChoiceActor),
  distinctive: z.array(z.object({ side: z.string(), terms: z.array(zDistinctiveTerm) })),
  /** Acts, events and things each side words differently in the facts they share (empty before version 2). */
  actions: z.array(zWordChoiceAction).default([]),
});
export type WordChoice = z.infer<typeof zWordChoice>;

export const voiceKinds = ["official", "expert", "anonymous", "other"] as const;
export const zVoiceKind = z.enum(voiceKinds);
export type VoiceKind = z.infer<typeof zVoiceKind>;

/** Someone a side quotes or paraphrases, and how much of the side's quoted words are theirs. */
export const zVoice = z.object({
  speaker: z.string(),
  entity: z.string().nullable(),
  kind: zVoiceKind,
  quotes: z.number().int().positive(),
  words: z.number().int().nonnegative(),
  /** Share of the side's quoted and paraphrased words (0–1). */
  share: z.number().min(0).max(1),
  citations: z.array(zComparisonCitation),
});
export type Voice = z.infer<typeof zVoice>;

export const zSideVoices = z.object({
  side: z.string(),
  quotes: z.number().int().nonnegative(),
  voices: z.array(zVoice),
  /** Share of the side's quoted words by kind of speaker. */
  byKind: z.record(zVoiceKind, z.number().min(0).max(1)),
});
export type SideVoices = z.infer<typeof zSideVoices>;

/** Tone of the sentences that mention an entity, from a word lexicon: a mean in [-1, 1] (see `tone.method`). */
export const zTone = z.object({
  mean: z.number().min(-1).max(1),
  sentences: z.number().int().nonnegative(),
  positive: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
});
export type Tone = z.infer<typeof zTone>;

/** How much each side talks about a main entity, and in what tone. */
export const zEmphasis = z.object({
  entity: z.string(),
  name: z.string(),
  sides: z.array(
    z.object({
      side: z.string(),
      mentions: z.number().int().nonnegative(),
      /** Share of the side's entity mentions (0–1). */
      share: z.number().min(0).max(1),
      tone: zTone.nullable(),
      citations: z.array(zComparisonCitation),
    }),
  ),
});
export type Emphasis = z.infer<typeof zEmphasis>;

export const zOverviewSentence = z.object({
  text: z.string().min(1),
  citations: z.array(zComparisonCitation).min(1),
});
export type OverviewSentence = z.infer<typeof zOverviewSentence>;

/** How much of their story content two articles share: 1 the same story told the same way, 0 unrelated. */
export const zArticleSimilarity = z.object({
  a: z.string(),
  b: z.string(),
  similarity: z.number().min(0).max(1),
  sharedFacts: z.number().int().nonnegative(),
});
export type ArticleSimilarity = z.infer<typeof zArticleSimilarity>;

export const zComparison = z.object({
  version: z.number().int().positive(),
  sides: z.array(zComparisonSide).min(2),
  overview: z.array(zOverviewSentence),
  similarity: z.array(zArticleSimilarity),
  sharedFacts: z.array(zSharedFact),
  onlyHere: z.array(zOnlyHere),
  conflicts: z.array(zFactComparison),
  compatible: z.array(zFactComparison),
  wordChoice: zWordChoice,
  voices: z.array(zSideVoices),
  emphasis: z.array(zEmphasis),
  /** Which tone method was used, and what it cannot see. */
  tone: z.object({ method: z.string(), limits: z.string() }),
});
export type Comparison = z.infer<typeof zComparison>;
