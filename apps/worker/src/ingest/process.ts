import {
  NORMALIZER_VERSION,
  NormalizeError,
  type NormalizeLimits,
  normalize,
} from "@parallax/core/normalize";
import { claimSubmission, type Database, recordFetch, storeNormalizedArticle } from "@parallax/db";
import type { IngestProgress } from "@parallax/queue";
import { FetchError, type FetchLimits, fetchPage } from "./fetch-page";
import { normalizeInput, PermanentError } from "./input";
import type { NormalizerPool } from "./normalizer-pool";

export { PermanentError } from "./input";

export interface IngestDeps {
  db: Database;
  fetchLimits: FetchLimits;
  /** Size, element and time limits of one document (the normalizer's defaults for any left out). */
  normalizeLimits?: Partial<NormalizeLimits>;
  report: (progress: IngestProgress) => Promise<void>;
  /** Normalizer threads with memory and time limits; in this thread when absent (tests, the CLI). */
  normalizer?: NormalizerPool;
}

export type IngestOutcome =
  | { status: "ready" | "duplicate"; duplicateOf: string | null }
  | { status: "skipped" };

/** Fetch (for URLs), normalize, store. Safe to run twice for one article: the store step replaces, never adds. */
export async function processArticle(articleId: string, deps: IngestDeps): Promise<IngestOutcome> {
  // Read and marked `processing` in one statement (unless already stored).
  const submission = await claimSubmission(deps.db, articleId);
  if (!submission) return { status: "skipped" };
  if (submission.status === "ready" || submission.status === "duplicate") return { status: "skipped" };

  let page = null;
  if (submission.kind === "url") {
    await deps.report({ stage: "fetch", percent: 10 });
    page = await fetchOrExplain(submission.url!, deps.fetchLimits);
    await recordFetch(deps.db, articleId, {
      url: page.url,
      bytes: page.bytes,
      contentType: page.contentType,
      httpStatus: page.status,
    });
  }
  const input = normalizeInput(submission, page);

  await deps.report({ stage: "normalize", percent: 50 });
  const normalized = deps.normalizer
    ? await normalizeIsolated(deps.normalizer, input, deps.normalizeLimits)
    : normalizeOrExplain(input, deps.normalizeLimits);

  await deps.report({ stage: "store", percent: 80 });
  const stored = await storeNormalizedArticle(deps.db, articleId, normalized, {
    sourceName: submission.sourceName,
    normalizerVersion: NORMALIZER_VERSION,
  });
  await deps.report({ stage: "done", percent: 100 });
  return stored;
}

export function normalizeOrExplain(
  input: Parameters<typeof normalize>[0],
  limits?: Partial<NormalizeLimits>,
) {
  try {
    return normalize(input, limits ? { limits } : {});
  } catch (error) {
    if (error instanceof NormalizeError) throw new PermanentError(error.message);
    throw error;
  }
}

/** As normalizeOrExplain, in a normalizer thread: a crash there (NormalizerCrash) is an ordinary, retried failure. */
async function normalizeIsolated(
  pool: NormalizerPool,
  input: Parameters<typeof normalize>[0],
  limits?: Partial<NormalizeLimits>,
) {
  try {
    return await pool.normalize(input, limits);
  } catch (error) {
    if (error instanceof NormalizeError) throw new PermanentError(error.message);
    throw error;
  }
}

export async function fetchOrExplain(url: string, limits: FetchLimits) {
  try {
    return await fetchPage(url, limits);
  } catch (error) {
    if (error instanceof FetchError && error.permanent) throw new PermanentError(error.message);
    throw error;
  }
}
