import { NORMALIZER_VERSION } from "@parallax/core/normalize";
import { type Database, feedFallbackFor, storeNormalizedArticle } from "@parallax/db";
import { type IngestOutcome, normalizeOrExplain } from "../ingest/process";

/**
 * When an article's page cannot be fetched (or read) for good, an article that came from a feed is built from
 * the feed item's own title and summary instead of failing: a short article is better than none. Returns null
 * when the article came from no feed with a summary, or the summary itself is not enough to make an article;
 * the caller then fails the article as before.
 */
export async function ingestFromFeedSummary(db: Database, articleId: string): Promise<IngestOutcome | null> {
  const fallback = await feedFallbackFor(db, articleId);
  if (!fallback) return null;
  let normalized: ReturnType<typeof normalizeOrExplain>;
  try {
    normalized = normalizeOrExplain({
      kind: "text",
      text: fallback.summary,
      url: fallback.url,
      ...(fallback.title ? { title: fallback.title } : {}),
    });
  } catch {
    return null;
  }
  return storeNormalizedArticle(db, articleId, normalized, { normalizerVersion: NORMALIZER_VERSION });
}
