import type { IngestRequest } from "@parallax/core";
import { requeueFailedArticle, storeSubmission } from "@parallax/db";
import { enqueueIngest } from "@parallax/queue";
import type { Context } from "../trpc";

export interface SubmitResult {
  articleId: string;
  status: string;
  created: boolean;
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
  return { articleId: stored.articleId, status, created: stored.created };
}
