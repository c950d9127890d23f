import { segmentWords } from "../text/segment";

/**
 * MinHash over word shingles, for finding near-duplicate articles (syndicated wire copy with its own header
 * and footer) without comparing each new article with every stored one: the signature is cut into bands, and
 * only articles sharing a band hash are compared. Pure and deterministic: the same text always gives the same
 * signature, across processes and versions of Node.
 */

/** Words per shingle: long enough that two reports of one event in their own words share almost none. */
export const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 128;
/**
 * 32 bands of 3 rows (96 of the 128 values): a pair at the threshold (0.4) shares a band with probability
 * 1 − (1 − 0.4³)³² ≈ 0.88, one at 0.6 with 0.9991, two reports of the same event (≈ 0.05) with 0.004.
 */
export const BANDS = 32;
export const ROWS_PER_BAND = 3;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Lower-cased word tokens; CJK text (no spaces) is split by the ICU word segmenter Node ships. */
export function tokens(text: string): string[] {
  const normalized = text.normalize("NFKC").toLowerCase();
  if (!CJK.test(normalized)) return normalized.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
  const out: string[] = [];
  for (const segment of segmentWords(normalized)) if (segment.isWordLike) out.push(segment.segment);
  return out;
}

/** FNV-1a, 32-bit: fast, stable, good enough spread for shingle identity. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A finalizer (murmur3 fmix32) so that `x ^ seed` gives independent-looking permutations of shingle hashes. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/** The distinct shingle hashes of a text; texts shorter than one shingle hash as a single shingle. */
export function shingles(text: string): Set<number> {
  const words = tokens(text);
  const set = new Set<number>();
  if (words.length === 0) return set;
  if (words.length < SHINGLE_WORDS) {
    set.add(fnv1a(words.join(" ")));
    return set;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    set.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(" ")));
  return set;
}

/** 128 minimum hashes; empty text gives null (nothing to compare). */
export function minhashSignature(text: string): number[] | null {
  const set = shingles(text);
  if (set.size === 0) return null;
  const signature = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of set) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const value = mix(shingle ^ SEEDS[i]!);
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the two shingle sets: the share of equal minimums. */
export function estimateSimilarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** One hash per band, as signed 32-bit integers (they are stored in a Postgres `integer` column). */
export function bandHashes(signature: readonly number[]): number[] {
  const out: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let hash = 0x811c9dc5 ^ band;
    for (let row = 0; row < ROWS_PER_BAND; row++) {
      hash = Math.imul(hash ^ signature[band * ROWS_PER_BAND + row]!, 0x01000193);
    }
    out.push(mix(hash) | 0);
  }
  return out;
}

/** Exact Jaccard of two texts' shingle sets (for tests and threshold studies, not the hot path). */
export function exactSimilarity(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const s of sa) if (sb.has(s)) inter++;
  return inter / (sa.size + sb.size - inter);
}

/**
 * Estimated Jaccard at or above which the later article is stored as a duplicate of the earlier one. Chosen on
 * data by `pnpm bench:dedupe`: syndicated copies with their own header and footer sit far above it, and five
 * outlets reporting one event in their own words far below (copies ≥ 0.58, different reports ≤ 0.06).
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.4;
