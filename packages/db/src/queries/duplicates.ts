import { bandHashes, estimateSimilarity, NEAR_DUPLICATE_THRESHOLD } from "@parallax/core/dedupe";
import type { NormalizedArticle } from "@parallax/core";
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { articleFingerprintBands, articleFingerprints, articles } from "../schema/index";
import { insertRows } from "./bulk";
import type { Transaction } from "./pipeline";

export interface DuplicateMatch {
  articleId: string;
  /** `content` (same normalized text), `canonical` (same canonical URL) or `near` (MinHash similarity). */
  reason: "content" | "canonical" | "near";
  similarity: number;
}

/**
 * The first stored copy of this article, if any: the same normalized text, the same canonical URL, or text
 * similar enough to be the same wire story. Only ready originals are candidates, so chains never form.
 */
export async function findDuplicate(
  tx: Transaction,
  articleId: string,
  article: NormalizedArticle,
  canonicalKey: string | null,
  signature: number[] | null,
): Promise<DuplicateMatch | null> {
  const exact = await tx
    .select({ id: articles.id, canonicalKey: articles.canonicalKey, contentHash: articles.contentHash })
    .from(articles)
    .where(
      and(
        ne(articles.id, articleId),
        eq(articles.status, "ready"),
        or(
          eq(articles.contentHash, article.contentHash),
          canonicalKey
            ? or(eq(articles.canonicalKey, canonicalKey), eq(articles.urlKey, canonicalKey))
            : undefined,
        ),
      ),
    )
    .orderBy(asc(articles.createdAt))
    .limit(1);
  if (exact[0]) {
    const reason = exact[0].contentHash === article.contentHash ? "content" : "canonical";
    return { articleId: exact[0].id, reason, similarity: 1 };
  }
  if (!signature) return null;

  const bands = bandHashes(signature);
  const candidates = await tx
    .selectDistinct({ articleId: articleFingerprintBands.articleId })
    .from(articleFingerprintBands)
    .where(
      and(
        ne(articleFingerprintBands.articleId, articleId),
        or(
          ...bands.map((hash, band) =>
            and(eq(articleFingerprintBands.band, band), eq(articleFingerprintBands.hash, hash)),
          ),
        ),
      ),
    )
    .limit(200);
  if (candidates.length === 0) return null;
  const rows = await tx
    .select({ id: articles.id, signature: articleFingerprints.signature, createdAt: articles.createdAt })
    .from(articleFingerprints)
    .innerJoin(articles, eq(articles.id, articleFingerprints.articleId))
    .where(
      and(
        inArray(
          articleFingerprints.articleId,
          candidates.map((c) => c.articleId),
        ),
        eq(articles.status, "ready"),
      ),
    )
    .orderBy(asc(articles.createdAt));
  for (const row of rows) {
    const similarity = estimateSimilarity(signature, row.signature);
    if (similarity >= NEAR_DUPLICATE_THRESHOLD) return { articleId: row.id, reason: "near", similarity };
  }
  return null;
}

/**
 * Indexes an original's text for near-duplicate lookups. The caller deletes the article's previous entries first
 * (storeNormalizedArticle, with its paragraphs in one statement), so a duplicate is left with none.
 */
export async function saveFingerprint(
  tx: Transaction,
  articleId: string,
  signature: number[] | null,
  original: boolean,
) {
  // The article's previous fingerprint, if any, was deleted by the caller earlier in this transaction.
  if (!original || !signature) return;
  await tx.insert(articleFingerprints).values({ articleId, signature: signature.map((v) => v | 0) });
  await insertRows(
    tx,
    articleFingerprintBands,
    bandHashes(signature).map((hash, band) => ({ band, hash, articleId })),
    { onConflict: sql`on conflict do nothing` },
  );
}
