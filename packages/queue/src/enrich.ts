import { queueKeyPrefix } from "./connection";
import { type JobsOptions, Queue } from "bullmq";
import { z } from "zod";
import type { QueueSettings } from "./ingest";

export const ENRICH_QUEUE = "enrich";

export const zEnrichJob = z.object({ articleId: z.uuid() });
export type EnrichJob = z.infer<typeof zEnrichJob>;

export const zEnrichProgress = z.object({
  stage: z.enum(["entities", "times", "figures", "quotes", "keywords", "store", "done"]),
  percent: z.number().min(0).max(100),
});
export type EnrichProgress = z.infer<typeof zEnrichProgress>;

const enrichJobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

export function createEnrichQueue(
  { connection, prefix }: QueueSettings,
  jobOptions: Partial<JobsOptions> = {},
) {
  return new Queue<EnrichJob>(ENRICH_QUEUE, {
    connection,
    prefix: queueKeyPrefix(prefix),
    defaultJobOptions: { ...enrichJobOptions, ...jobOptions },
  });
}

/**
 * One pending enrichment per article: while a job for it waits or runs, asking again is a no-op; once it has
 * finished, a new request (after a re-normalization or an engine upgrade) makes a new job.
 */
export async function enqueueEnrich(queue: Queue<EnrichJob>, articleId: string): Promise<void> {
  await queue.add("enrich", zEnrichJob.parse({ articleId }), {
    deduplication: { id: enrichDedupId(articleId) },
  });
}

/** The key under which an article's pending enrichment is known while it waits or runs. */
export const enrichDedupId = (articleId: string) => `enrich-${articleId}`;
