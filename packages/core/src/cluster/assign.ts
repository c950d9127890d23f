import { type ArticleFeatures, extractFeatures } from "./features";
import type { ClusterOptions } from "./options";
import {
  addArticle,
  EMPTY_STORY,
  mergeSummaries,
  postingTerms,
  remeasure,
  storyIdf,
  storySimilarity,
} from "./summary";
import { isOpen, timeFactor } from "./time";
import type { Assignment, ClusterDoc, MergeRecord, StoryIndex, StorySummary } from "./types";
import { articleWeights, cosine, idfLookup, strongest, weighted } from "./vector";

const HOUR = 3_600_000;

interface Scored {
  story: StorySummary;
  /** Text similarity alone. */
  text: number;
  /** Text similarity times the time factor: what decides. */
  score: number;
}

const byScore = (x: Scored, y: Scored) =>
  y.score - x.score || (x.story.id < y.story.id ? -1 : x.story.id > y.story.id ? 1 : 0);

/**
 * Assigns one article to the story it belongs to, or starts a new one; single pass, so the result depends only
 * on the articles before it. When the article matches two stories that are themselves alike, they are merged
 * into the larger (the earlier on a tie), and the merge is recorded.
 */
export async function assignArticle(
  doc: ClusterDoc,
  index: StoryIndex,
  options: ClusterOptions,
): Promise<Assignment> {
  return assignFeatures(doc, extractFeatures(doc, options), index, options);
}

/** `assignArticle` for features already extracted. */
export async function assignFeatures(
  doc: Pick<ClusterDoc, "id">,
  features: ArticleFeatures,
  index: StoryIndex,
  options: ClusterOptions,
): Promise<Assignment> {
  const docTerms = [...features.counts.keys()];
  await index.addDocument(docTerms, features.length);
  const stats = await index.stats();
  const df = await index.documentFrequencies(docTerms);
  const idfOf = idfLookup(df, stats, options.coldStartDocuments);
  const weights = articleWeights(features, stats, options);
  const at = features.publishedAt;

  // Look stories up by what the article is about: its frequent terms (raw counts, not BM25's saturated ones)
  // that earlier articles also had (a term with df 1 is only in this one and can lead nowhere).
  const known = [...features.counts].filter(([term]) => (df.get(term) ?? 0) > 1);
  const query = strongest(known, idfOf, options.queryTerms).map(([term, count, idf]) => ({
    term,
    weight: count * idf,
  }));
  const ids = query.length
    ? await index.candidates({
        terms: query,
        since: at === null ? null : at - options.time.maxGapHours * HOUR,
        perTerm: options.postingsPerTerm,
        limit: options.candidates,
      })
    : [];

  const vector = weighted(weights, idfOf);
  const names = docTerms.some((term) => term.startsWith("e:"));
  const scored: Scored[] = [];
  for (let story of await index.loadStories(ids)) {
    if (!isOpen(story, at, options)) continue;
    const factor = timeFactor(story, at, options);
    let text = cosine(vector, story, idfOf, options.centroidExponent);
    // A stored length is re-measured when the corpus has outgrown it by `normTolerance` and the story is in
    // the running: IDF moves fast in a young corpus and hardly at all in a large one.
    const stale = stats.documents > story.normDocuments * (1 + options.normTolerance);
    if (stale && text * factor >= options.threshold / 2) {
      await lookUp(index, df, story);
      story = remeasure(
        story,
        idfLookup(df, stats, options.coldStartDocuments),
        stats,
        options.centroidExponent,
      );
      text = cosine(vector, story, idfOf, options.centroidExponent);
    }
    if (names && namesNone(story, vector)) text *= options.entityMismatch;
    scored.push({ story, text, score: text * factor });
  }
  scored.sort(byScore);
  const best = scored[0];

  if (!best || best.score < options.threshold) {
    const story = addArticle(EMPTY_STORY, weights, at, idfOf, stats, options);
    const storyId = await index.createStory(story, postingTerms(story, options));
    return { storyId, created: true, score: best?.score ?? 0, merged: [] };
  }

  let survivor = addArticle(
    best.story,
    weights,
    at,
    storyIdf(df, stats, [best.story], options.coldStartDocuments),
    stats,
    options,
  );
  const merged: MergeRecord[] = [];
  for (const other of scored.slice(1)) {
    if (other.score < options.threshold) break;
    // Two stories are one only if the text says so; being recent together is no evidence of it.
    if (other.text < options.threshold) continue;
    // …and the article belongs about as much to one as to the other, not mainly to one and in passing to both.
    if (other.score < options.mergeBalance * best.score) continue;
    const pairIdf = storyIdf(df, stats, [survivor, other.story], options.coldStartDocuments);
    const similarity = storySimilarity(survivor, other.story, pairIdf, options.centroidExponent);
    if (similarity < options.mergeThreshold) continue;
    const keepOther =
      other.story.size > survivor.size ||
      (other.story.size === survivor.size && (other.story.firstAt ?? 0) < (survivor.firstAt ?? 0));
    const [into, from] = keepOther ? [other.story, survivor] : [survivor, other.story];
    survivor = mergeSummaries(into, from, pairIdf, options);
    merged.push({
      into: into.id,
      from: from.id,
      at: at === null ? null : new Date(at).toISOString(),
      reason:
        `article ${doc.id} matched both (${best.score.toFixed(2)}, ${other.score.toFixed(2)}); ` +
        `stories ${similarity.toFixed(2)} alike`,
    });
  }
  await index.saveStory(survivor, postingTerms(survivor, options));
  for (const merge of merged) await index.recordMerge(merge);
  return { storyId: survivor.id, created: false, score: best.score, merged };
}

/**
 * Whether the story names entities and the article shares none of them: two earthquakes, two recalls, two
 * summits described alike but in other places, by other companies, between other people.
 */
function namesNone(story: StorySummary, vector: { terms: Map<string, number> }): boolean {
  let named = false;
  for (const [term] of story.terms) {
    if (!term.startsWith("e:")) continue;
    if (vector.terms.has(term)) return false;
    named = true;
  }
  return named;
}

/** Adds the document frequencies of the story's terms not yet in `df`. */
async function lookUp(index: StoryIndex, df: Map<string, number>, story: StorySummary): Promise<void> {
  const missing = story.terms.map(([term]) => term).filter((term) => !df.has(term));
  if (missing.length > 0)
    for (const [term, count] of await index.documentFrequencies(missing)) df.set(term, count);
}
