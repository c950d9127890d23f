import type { NormalizedArticle } from "../schemas/article";
import { bandHashes, estimateSimilarity, minhashSignature, NEAR_DUPLICATE_THRESHOLD } from "./minhash";

/** The text two copies of one story share: the body without editors' end notes. */
export function articleFingerprint(article: Pick<NormalizedArticle, "paragraphs">): number[] | null {
  const body = article.paragraphs
    .filter((p) => p.kind !== "note")
    .map((p) => p.text)
    .join("\n");
  // Signed 32-bit, as Postgres stores them: comparisons then agree whichever side a signature came from.
  return minhashSignature(body)?.map((v) => v | 0) ?? null;
}

export interface DuplicateHit {
  id: string;
  reason: "content" | "near";
  similarity: number;
}

/**
 * Near-duplicate lookup in memory, for offline runs (`parallax extract` over many files): the same rules as
 * the stored corpus uses — identical normalized text, or MinHash similarity at or above the threshold, found
 * through LSH bands so each lookup touches only likely matches.
 */
export class DuplicateIndex {
  private readonly byHash = new Map<string, string>();
  private readonly bands = new Map<string, string[]>();
  private readonly signatures = new Map<string, number[]>();

  /** The first earlier copy of `article`, then remembers it (as an original) when it has none. */
  check(id: string, article: Pick<NormalizedArticle, "paragraphs" | "contentHash">): DuplicateHit | null {
    const same = this.byHash.get(article.contentHash);
    if (same) return { id: same, reason: "content", similarity: 1 };
    const signature = articleFingerprint(article);
    if (!signature) return null;
    const keys = bandHashes(signature).map((hash, band) => `${band}:${hash}`);
    const seen = new Set<string>();
    for (const key of keys) {
      for (const candidate of this.bands.get(key) ?? []) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        const similarity = estimateSimilarity(signature, this.signatures.get(candidate)!);
        if (similarity >= NEAR_DUPLICATE_THRESHOLD) return { id: candidate, reason: "near", similarity };
      }
    }
    this.byHash.set(article.contentHash, id);
    this.signatures.set(id, signature);
    for (const key of keys) {
      const list = this.bands.get(key);
      if (list) list.push(id);
      else this.bands.set(key, [id]);
    }
    return null;
  }
}
