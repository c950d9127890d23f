import { backgroundShare } from "./background";
import type { ArticleFeatures } from "./features";

import type { ClusterOptions } from "./options";
import type { CorpusStats, StorySummary } from "./types";

/** IDF as BM25 has it, kept positive: a term in every document still weighs a little. */
export function idf(df: number, documents: number): number {
  return Math.log(1 + (Math.max(documents, df) - df + 0.5) / (df + 0.5));
}

export type IdfOf = (term: string) => number;

/**
 * IDF from known document frequencies, each term's computed once. A corpus of fewer than `coldStart` documents
 * is topped up with that many imagined ones, where each term occurs as often as English text has it
 * (`backgroundShare`): two reports of one event among the first three articles share "Takaichi" and "summit",
 * which three documents alone would call common.
 */
export function idfLookup(df: Map<string, number>, stats: CorpusStats, coldStart: number): IdfOf {
  const memo = new Map<string, number>();
  return (term) => {
    let value = memo.get(term);
    if (value === undefined) {
      const missing = Math.max(0, coldStart - stats.documents);
      value = idf((df.get(term) ?? 0) + missing * backgroundShare(term), stats.documents + missing);
      memo.set(term, value);
    }
    return value;
  };
}

function kindWeight(term: string, options: ClusterOptions): number {
  switch (term[0]) {
    case "w":
      return 1;
    case "t":
      return options.weights.title;
    case "b":
      return options.weights.pair;
    case "e":
      return options.weights.entity;
    case "f":
      return options.weights.figure;
    default:
      return options.weights.date;
  }
}

/**
 * An article's term weights without IDF: BM25's saturating term frequency (a word said ten times is not ten
 * times the evidence), normalized by length against the corpus average, times the feature kind's weight.
 */
export function articleWeights(
  features: ArticleFeatures,
  stats: CorpusStats,
  options: ClusterOptions,
): Map<string, number> {
  const { k1, b } = options.bm25;
  const average = stats.documents > 0 && stats.totalLength > 0 ? stats.totalLength / stats.documents : 1;
  const norm = k1 * (1 - b + (b * Math.max(features.length, 1)) / average);
  const out = new Map<string, number>();
  for (const [term, count] of features.counts)
    out.set(term, ((count * (k1 + 1)) / (count + norm)) * kindWeight(term, options));
  return out;
}

/** A story's term: [term, summed weight without IDF, the term's IDF when the story was last saved]. */
export type StoryTerm = [term: string, weight: number, idf: number];

/** Terms ordered by weight × IDF, strongest first; ties by term, so the order never depends on insertion. */
export function strongest(terms: Iterable<[string, number]>, idfOf: IdfOf, limit: number): StoryTerm[] {
  const out: StoryTerm[] = [];
  for (const [term, weight] of terms) out.push([term, weight, idfOf(term)]);
  out.sort((x, y) => y[1] * y[2] - x[1] * x[2] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return out.length > limit ? out.slice(0, limit) : out;
}

/** A weight vector times IDF, with its length: the article side of every comparison, computed once. */
export interface WeightedVector {
  terms: Map<string, number>;
  norm: number;
}

export function weighted(weights: Iterable<[string, number]>, idfOf: IdfOf): WeightedVector {
  const terms = new Map<string, number>();
  let sum = 0;
  for (const [term, weight] of weights) {
    const w = weight * idfOf(term);
    terms.set(term, w);
    sum += w * w;
  }
  return { terms, norm: Math.sqrt(sum) };
}

/** Length of a centroid as `cosine` compares it, with the IDF stored beside each term. */
export function centroidNorm(terms: readonly StoryTerm[], exponent: number): number {
  let sum = 0;
  for (const [, weight, idf] of terms) sum += (weight ** exponent * idf) ** 2;
  return Math.sqrt(sum);
}

/**
 * Cosine of an IDF-weighted article vector and a story centroid, the centroid's summed weights raised to
 * `exponent` first: below 1 it flattens a big story's profile, so an article matching its secondary terms
 * (a story about the Bank of England's governor that is also about forex rigging and RBS) still scores.
 * Shared terms take today's IDF; the story's length is the one stored with it (`StorySummary.norm`).
 */
export function cosine(
  vector: WeightedVector,
  story: Pick<StorySummary, "terms" | "norm">,
  idfOf: IdfOf,
  exponent: number,
): number {
  let dot = 0;
  for (const [term, weight] of story.terms) {
    const other = vector.terms.get(term);
    if (other !== undefined) dot += weight ** exponent * idfOf(term) * other;
  }
  return vector.norm > 0 && story.norm > 0 ? dot / (vector.norm * story.norm) : 0;
}
