import type { Article, NormalizedArticle } from "@parallax/core";
import { NORMALIZER_VERSION, type NormalizeLimits } from "@parallax/core/normalize";
import {
  type Database,
  getArticle,
  loadLatestFetch,
  loadSubmission,
  recordReprocessResult,
  storeNormalizedArticle,
} from "@parallax/db";
import { normalizeInput, PermanentError } from "./input";
import { normalizeOrExplain } from "./process";

const clip = (text: string | null) => (text && text.length > 80 ? `${text.slice(0, 79)}…` : (text ?? "none"));

/** Human-readable differences between the stored article and the rebuilt one. */
export function describeChanges(before: Article, after: NormalizedArticle): string[] {
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(`title: ${clip(before.title)} → ${clip(after.title)}`);
  const day = (iso: string | null) => iso?.slice(0, 10) ?? "none";
  if (day(before.publishedAt) !== day(after.publishedAt))
    changes.push(`published: ${day(before.publishedAt)} → ${day(after.publishedAt)}`);
  if ((before.genre ?? "news") !== after.genre)
    changes.push(`genre: ${before.genre ?? "none"} → ${after.genre}`);
  if (before.language !== after.language)
    changes.push(`language: ${before.language ?? "none"} → ${after.language ?? "none"}`);
  if (before.byline !== after.byline) changes.push(`byline: ${clip(before.byline)} → ${clip(after.byline)}`);
  if (before.paragraphs.length !== after.paragraphs.length)
    changes.push(`paragraphs: ${before.paragraphs.length} → ${after.paragraphs.length}`);
  if (before.contentHash !== after.contentHash) changes.push("body text changed");
  if (before.captions.length !== after.captions.length)
    changes.push(`captions: ${before.captions.length} → ${after.captions.length}`);
  if (Boolean(before.digest) !== Boolean(after.digest))
    changes.push(after.digest ? "digest found" : "digest gone");
  return changes;
}

/**
 * Rebuilds one article from its stored raw documents with the current normalizer. Nothing is lost: when the
 * new engine cannot read the document, the stored version stays and the failure is reported.
 */
export async function reprocessArticle(
  db: Database,
  articleId: string,
  runId: string,
  normalizeLimits?: Partial<NormalizeLimits>,
): Promise<"changed" | "unchanged" | "failed" | "skipped"> {
  const [submission, before] = await Promise.all([loadSubmission(db, articleId), getArticle(db, articleId)]);
  if (!submission || !before) return "skipped";
  let after: NormalizedArticle;
  try {
    const page = submission.kind === "url" ? await loadLatestFetch(db, articleId) : null;
    after = normalizeOrExplain(normalizeInput(submission, page), normalizeLimits);
  } catch (error) {
    if (!(error instanceof PermanentError)) throw error;
    await recordReprocessResult(db, {
      runId,
      articleId,
      outcome: "failed",
      changes: [],
      error: error.message,
    });
    return "failed";
  }
  const changes =
    before.status === "failed"
      ? ["now readable", ...describeChanges(before, after)]
      : describeChanges(before, after);
  await storeNormalizedArticle(db, articleId, after, {
    sourceName: submission.sourceName,
    normalizerVersion: NORMALIZER_VERSION,
  });
  const outcome = changes.length ? "changed" : "unchanged";
  await recordReprocessResult(db, { runId, articleId, outcome, changes });
  return outcome;
}
