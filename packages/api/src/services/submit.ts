import { type IngestRequest, ingestKind } from "@parallax/core";
import { loadSubmission, requeueFailedArticle, storeSubmission } from "@parallax/db";
import { enqueueIngest, enqueueRefetch } from "@parallax/queue";
import type { Context } from "../trpc";

export interface SubmitResult {
  articleId: string;
  status: string;
  created: boolean;
  /**
   * For a URL already readable: "queued" when it will be fetched again to look for a new revision, "recent"
   * when a fetch was asked for within the last few minutes, "deferred" when the queue cannot be reached.
   */
  refetch?: "queued" | "recent" | "deferred";
}

/**
 * Stores first, then enqueues: once the transaction commits the submission cannot be lost, even if Redis is
 * away right now — the worker's reconciler enqueues any stored article that has no job.
 */
export async function submitArticle(ctx: Context, request: IngestRequest): Promise<SubmitResult> {
  const stored = await storeSubmission(ctx.db, request);
  let status = stored.status;
  let needsJob = stored.created;
  if (
    !stored.created &&
    stored.status === "failed" &&
    (await requeueFailedArticle(ctx.db, stored.articleId))
  ) {
    // Submitting a failed article again is how a person asks for another try.
    status = "queued";
    needsJob = true;
    const stale = await ctx.ingestQueue.getJob(stored.articleId).catch(() => undefined);
    await stale?.remove().catch(() => {});
  }
  if (needsJob) {
    try {
      await enqueueIngest(ctx.ingestQueue, stored.articleId);
    } catch (error) {
      ctx.log(`enqueue deferred to the reconciler for ${stored.articleId}: ${(error as Error).message}`);
    }
  }
  if (!stored.created && stored.status === "ready" && ingestKind(request) === "url")
    return { articleId: stored.articleId, status, created: false, ...(await refetch(ctx, stored.articleId)) };
  return { articleId: stored.articleId, status, created: stored.created };
}

/**
 * Submitting a known URL again (a person, or a feed listing it again) is a request to look at the page again:
 * if its text changed, it becomes the article's next revision.
 */
async function refetch(ctx: Context, articleId: string): Promise<Pick<SubmitResult, "refetch">> {
  const submission = await loadSubmission(ctx.db, articleId);
  if (submission?.kind !== "url") return {};
  try {
    return { refetch: (await enqueueRefetch(ctx.ingestQueue, articleId)) ? "queued" : "recent" };
  } catch (error) {
    ctx.log(`refetch of ${articleId} not queued: ${(error as Error).message}`);
    return { refetch: "deferred" };
  }
}
