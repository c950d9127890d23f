import { extractFeatures } from "./features";
import type { ClusterOptions } from "./options";
import type { ClusterDoc, StoryIndex, StorySummary } from "./types";
import { postingTerms, summarizeArticles } from "./summary";
import { idfLookup } from "./vector";

/**
 * A story rebuilt from the articles a user left in it (after a move or a split), with the terms to index it
 * under, ready for `index.saveStory(story, postings)`. Reads corpus statistics from the index; writes nothing.
 * Document frequencies are not touched: the articles were counted when they arrived.
 */
export async function rebuildStory(
  id: string,
  members: readonly ClusterDoc[],
  index: StoryIndex,
  options: ClusterOptions,
): Promise<{ story: StorySummary; postings: string[] }> {
  const features = members.map((doc) => extractFeatures(doc, options));
  const terms = new Set<string>();
  for (const f of features) for (const term of f.counts.keys()) terms.add(term);
  const stats = await index.stats();
  const idfOf = idfLookup(await index.documentFrequencies([...terms]), stats, options.coldStartDocuments);
  const story = summarizeArticles(id, features, stats, idfOf, options);
  return { story, postings: postingTerms(story, options) };
}
