import type { ArticleFeatures } from "./features";
import type { ClusterOptions } from "./options";
import type { CorpusStats, NewStory, StorySummary } from "./types";
import {
  articleWeights,
  centroidNorm,
  cosine,
  type IdfOf,
  idfLookup,
  type StoryTerm,
  strongest,
} from "./vector";

/**
 * IDF for story work: today's for the terms whose document frequency was looked up (the article's), the one
 * stored with the story for the rest, so that growing a story of 200 terms costs no 200 look-ups.
 */
export function storyIdf(
  df: Map<string, number>,
  stats: CorpusStats,
  stories: ReadonlyArray<Pick<StorySummary, "terms">>,
  coldStart: number,
): IdfOf {
  const fresh = idfLookup(df, stats, coldStart);
  const stored = new Map<string, number>();
  for (const story of stories)
    for (const [term, , idf] of story.terms) if (!stored.has(term)) stored.set(term, idf);
  return (term) => (df.has(term) ? fresh(term) : (stored.get(term) ?? fresh(term)));
}

/** The story with every stored IDF and its length re-measured against `idfOf` (all its terms looked up). */
export function remeasure<S extends NewStory>(
  story: S,
  idfOf: IdfOf,
  stats: CorpusStats,
  exponent: number,
): S {
  const terms: StoryTerm[] = story.terms.map(([term, weight]) => [term, weight, idfOf(term)]);
  return { ...story, terms, norm: centroidNorm(terms, exponent), normDocuments: stats.documents };
}

const earliest = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.min(x, y));
const latest = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.max(x, y));

function summed(into: Map<string, number>, terms: Iterable<readonly [string, number, ...unknown[]]>) {
  for (const [term, weight] of terms) into.set(term, (into.get(term) ?? 0) + weight);
  return into;
}

/**
 * The bounded terms of a summed centroid and their length. `measured` is the corpus size of the oldest IDF in
 * it: terms the article did not bring keep the IDF stored with them, so the length is only as fresh as those.
 */
function cut(terms: Map<string, number>, idfOf: IdfOf, measured: number, options: ClusterOptions) {
  const kept = strongest(terms, idfOf, options.storyTerms);
  return { terms: kept, norm: centroidNorm(kept, options.centroidExponent), normDocuments: measured };
}

export const EMPTY_STORY: NewStory = {
  size: 0,
  firstAt: null,
  lastAt: null,
  terms: [],
  norm: 0,
  normDocuments: 0,
};

/** A story grown by one article: weights summed, times widened, terms cut back to the bound. */
export function addArticle<S extends NewStory>(
  story: S,
  weights: Map<string, number>,
  publishedAt: number | null,
  idfOf: IdfOf,
  stats: CorpusStats,
  options: ClusterOptions,
): S {
  return {
    ...story,
    size: story.size + 1,
    firstAt: earliest(story.firstAt, publishedAt),
    lastAt: latest(story.lastAt, publishedAt),
    ...cut(
      summed(summed(new Map(), story.terms), weights),
      idfOf,
      story.size === 0 ? stats.documents : story.normDocuments,
      options,
    ),
  };
}

/** Two stories as one, keeping `into`'s id. */
export function mergeSummaries(
  into: StorySummary,
  from: StorySummary,
  idfOf: IdfOf,
  options: ClusterOptions,
): StorySummary {
  return {
    id: into.id,
    size: into.size + from.size,
    firstAt: earliest(into.firstAt, from.firstAt),
    lastAt: latest(into.lastAt, from.lastAt),
    ...cut(
      summed(summed(new Map(), into.terms), from.terms),
      idfOf,
      Math.min(into.normDocuments, from.normDocuments),
      options,
    ),
  };
}

/** Similarity of two stories: the cosine of their centroids, both flattened by the same exponent. */
export function storySimilarity(a: StorySummary, b: StorySummary, idfOf: IdfOf, exponent: number): number {
  const terms = new Map<string, number>();
  for (const [term, weight] of a.terms) terms.set(term, weight ** exponent * idfOf(term));
  return cosine({ terms, norm: a.norm }, b, idfOf, exponent);
}

/**
 * A story's summary recomputed from its member articles, for when a user moves articles or splits a story: all
 * members' weights summed with today's statistics and cut to the bound once (the stream cuts after every
 * article, so a long story's tail terms can differ slightly).
 */
export function summarizeArticles(
  id: string,
  members: readonly ArticleFeatures[],
  stats: CorpusStats,
  idfOf: IdfOf,
  options: ClusterOptions,
): StorySummary {
  const terms = new Map<string, number>();
  let firstAt: number | null = null;
  let lastAt: number | null = null;
  for (const features of members) {
    summed(terms, articleWeights(features, stats, options));
    firstAt = earliest(firstAt, features.publishedAt);
    lastAt = latest(lastAt, features.publishedAt);
  }
  return { id, size: members.length, firstAt, lastAt, ...cut(terms, idfOf, stats.documents, options) };
}

/** The terms a story is found under: its strongest (story terms are kept strongest first). */
export function postingTerms(story: Pick<StorySummary, "terms">, options: ClusterOptions): string[] {
  return story.terms.slice(0, options.postingTerms).map(([term]) => term);
}
