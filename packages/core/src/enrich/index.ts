import type { Enrichment } from "../schemas/enrichment";
import type { Paragraph } from "../schemas/paragraph";
import { extractEntities, nameResolver } from "./entities/index";
import { findFigures } from "./figures/index";
import { type CorpusStatistics, collectTerms, rankTerms, termCounts } from "./keywords/index";
import { findQuotes } from "./quotes/index";
import { buildTimeline, findTimeExpressions } from "./time/index";

export type { CorpusStatistics } from "./keywords/index";

/**
 * Bumped whenever enrichment's output for the same article can change; stored enrichments of an older version
 * are redone by `parallax reenrich` (and only those whose output really changes are rewritten).
 */
export const ENRICHMENT_VERSION = 1;

export interface EnrichInput {
  paragraphs: readonly Paragraph[];
  language: string | null;
  /** The article's publication date (ISO); relative dates resolve against it. */
  publishedAt: string | null;
}

export interface EnrichOptions {
  /** Used when the article has no publication date of its own (`parallax enrich --published-at`). */
  referenceDate?: string | null;
  /** Document frequencies of the corpus, for keywords; without them keywords rank by frequency alone. */
  corpus?: CorpusStatistics;
  /** Called between steps, for progress reporting. */
  onStep?: (step: EnrichStep, done: number) => void;
}

export type EnrichStep = "entities" | "times" | "figures" | "quotes" | "keywords";

const EMPTY_CORPUS: CorpusStatistics = { documents: 0, documentFrequency: () => 0 };

const storyText = (paragraphs: readonly Paragraph[]) => paragraphs.filter((p) => p.kind !== "note");

/** The terms an article contributes to corpus statistics: look their frequencies up, then call `enrichArticle`. */
export function enrichmentTerms(article: EnrichInput): string[] {
  return [...termCounts(storyText(article.paragraphs), { language: article.language }).keys()];
}

/**
 * Everything the text says about who, where, when, how much and who said what, each item tied to its paragraph
 * and character span. Pure: the same article and options give the same result. Editors' notes are left out of
 * the story's facts (their dates and names are about the photo or the translation, not the events).
 */
export function enrichArticle(
  article: EnrichInput,
  options: EnrichOptions = {},
): { enrichment: Enrichment; termCounts: Map<string, number> } {
  const body = storyText(article.paragraphs);
  const referenceDate = (article.publishedAt ?? options.referenceDate ?? null)?.slice(0, 10) ?? null;
  const step = options.onStep ?? (() => {});

  const { entities, mentions } = extractEntities(body, { language: article.language });
  step("entities", 1);
  const times = findTimeExpressions(body as Paragraph[], referenceDate);
  const timeline = buildTimeline(body as Paragraph[], times, { referenceDate, mentions });
  step("times", 2);
  const figures = findFigures(body);
  step("figures", 3);
  const speakerEntity = nameResolver(entities);
  const quotes = findQuotes(body).map((quote) => ({
    ...quote,
    speakerEntity: quote.speaker ? speakerEntity(quote.speaker) : null,
  }));
  step("quotes", 4);
  const terms = collectTerms(body, { language: article.language });
  const keywords = rankTerms(terms, options.corpus ?? EMPTY_CORPUS, { language: article.language });
  step("keywords", 5);

  return {
    enrichment: {
      version: ENRICHMENT_VERSION,
      language: article.language,
      referenceDate,
      entities,
      mentions,
      times,
      timeline,
      figures,
      quotes,
      keywords,
    },
    termCounts: terms.counts,
  };
}
