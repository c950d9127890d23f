import { NORMALIZER_VERSION } from "@parallax/core/normalize";
import { createReprocessRun, type ReprocessScope } from "@parallax/db";
import { enqueueReprocess } from "@parallax/queue";
import type { Context } from "../trpc";

/**
 * Starts rebuilding stored articles from their raw documents with the current normalizer, through the queue so
 * that every worker process shares the work. Articles stay readable throughout; the run's report says what
 * changed.
 */
export async function startReprocess(ctx: Pick<Context, "db" | "ingestQueue">, scope: ReprocessScope) {
  const { runId, articleIds } = await createReprocessRun(ctx.db, scope, NORMALIZER_VERSION);
  await enqueueReprocess(ctx.ingestQueue, runId, articleIds);
  return { runId, total: articleIds.length, normalizerVersion: NORMALIZER_VERSION };
}
