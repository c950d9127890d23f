/** A value or a promise of it: the in-memory index answers at once, a Postgres-backed one asynchronously. */
export type Awaitable<T> = T | Promise<T>;

/** One article as clustering sees it, in arrival order. */
export interface ClusterDoc {
  id: string;
  title: string;
  text: string;
  /** ISO date-time; null when unknown (then time neither decays nor closes stories for it). */
  publishedAt: string | null;
  language?: string | null;
  /** Canonical entity slugs from enrichment, repeated once per mention. */
  entities?: string[];
  /** Normalized figure keys, e.g. `USD:550e9`, `%:3.5`. */
  figures?: string[];
  /** Resolved date values, e.g. `2026-03-19`. */
  dates?: string[];
}

/**
 * A story's bounded summary: the centroid of its articles' term weights (BM25 term frequency times the feature
 * kind's weight, summed over members), cut to the strongest terms. Terms are namespaced: `w:` word, `t:` title
 * word, `b:` word pair, `e:` entity, `f:` figure, `d:` date.
 */
export interface StorySummary {
  id: string;
  size: number;
  /** Epoch milliseconds of the earliest and latest dated member; null while no member has a date. */
  firstAt: number | null;
  lastAt: number | null;
  /**
   * [term, summed weight, IDF when saved], at most `options.storyTerms` of them, strongest (weight × IDF) first.
   * The weight has no IDF in it, so it never goes stale; the IDF beside it is only a cache.
   */
  terms: Array<[term: string, weight: number, idf: number]>;
  /**
   * Length of the centroid as compared (weights flattened, times IDF) when the story was last saved, so that
   * scoring a story needs IDF only for the terms it shares with the article.
   */
  norm: number;
  /** Corpus size (`CorpusStats.documents`) when `norm` was measured; a much larger corpus means re-measuring. */
  normDocuments: number;
}

/** A story created from an article, before the index has given it an id. */
export type NewStory = Omit<StorySummary, "id">;

/** `from` was found to be the same story as `into` and folded into it; links to `from` should redirect. */
export interface MergeRecord {
  into: string;
  from: string;
  /** ISO date-time of the article that showed it (its publication time, or null when it has none). */
  at: string | null;
  /** Which article bridged them and how similar the two stories were. */
  reason: string;
}

export interface Assignment {
  storyId: string;
  created: boolean;
  /** Similarity to the chosen story (0 when a new story was started and nothing came close). */
  score: number;
  merged: MergeRecord[];
}

export interface CorpusStats {
  documents: number;
  /** Sum of document lengths (weighted word counts), for BM25's average length. */
  totalLength: number;
}

export interface CandidateQuery {
  /** Distinctive terms of the article with their query weights (TF-IDF), strongest first. */
  terms: Array<{ term: string; weight: number }>;
  /** Only stories updated at or after this epoch-ms time; null for no time limit. */
  since: number | null;
  /** How many of the most recently updated stories to look at per term. */
  perTerm: number;
  /** How many stories to return, those sharing the most query weight first. */
  limit: number;
}

/**
 * What assignment needs from storage. Everything the algorithm reads is bounded: `candidates` returns at most
 * `limit` ids after reading at most `perTerm` postings for each query term, and a story summary has a bounded
 * number of terms. Calls for one article happen in sequence; assignments must be serialized (one writer).
 */
export interface StoryIndex {
  stats(): Awaitable<CorpusStats>;
  /** Document frequency of each term (0 when never seen). */
  documentFrequencies(terms: readonly string[]): Awaitable<Map<string, number>>;
  /** Counts one more document with these distinct terms and this length. */
  addDocument(terms: readonly string[], length: number): Awaitable<void>;
  candidates(query: CandidateQuery): Awaitable<string[]>;
  loadStories(ids: readonly string[]): Awaitable<StorySummary[]>;
  /** Stores a new story, indexes it under `postings`, and returns its new id. */
  createStory(story: NewStory, postings: readonly string[]): Awaitable<string>;
  /** Replaces a story's summary and the terms it is indexed under. */
  saveStory(story: StorySummary, postings: readonly string[]): Awaitable<void>;
  /** Records the merge and drops `from` from candidates; its id must keep resolving to `into`. */
  recordMerge(merge: MergeRecord): Awaitable<void>;
}
