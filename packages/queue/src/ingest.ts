import { queueKeyPrefix } from "./connection";
import { Queue, type JobsOptions } from "bullmq";
import type { RedisConnection } from "./connection";
import { z } from "zod";

export const INGEST_QUEUE = "ingest";

/** `runId` marks a reprocessing job: rebuild from the stored raw documents, report what changed. */
export const zIngestJob = z.object({ articleId: z.uuid(), runId: z.uuid().optional() });
export type IngestJob = z.infer<typeof zIngestJob>;

export const ingestStages = ["queued", "fetch", "normalize", "store", "done"] as const;
export const zIngestProgress = z.object({
  stage: z.enum(ingestStages),
  /** 0–100 across the whole job, for a progress bar. */
  percent: z.number().min(0).max(100),
});
export type IngestProgress = z.infer<typeof zIngestProgress>;

export const ingestJobOptions: JobsOptions = {
  attempts: 4,
  // 2 s, 4 s, 8 s: long enough for a flaky site or a restarting database, short enough to follow on /submit.
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

export interface QueueSettings {
  connection: RedisConnection;
  /** Key prefix in Redis; tests use their own so runs never collide. */
  prefix: string;
}

export function createIngestQueue(
  { connection, prefix }: QueueSettings,
  jobOptions: Partial<JobsOptions> = {},
): Queue<IngestJob> {
  return new Queue<IngestJob>(INGEST_QUEUE, {
    connection,
    prefix: queueKeyPrefix(prefix),
    defaultJobOptions: { ...ingestJobOptions, ...jobOptions },
  });
}

/** The article id is the job id, so one article never has two jobs in flight. */
export async function enqueueIngest(queue: Queue<IngestJob>, articleId: string): Promise<void> {
  await queue.add("ingest", zIngestJob.parse({ articleId }), { jobId: articleId });
}

/** One job per article of a reprocessing run, in bulk; job ids are unique per run, so runs never collide. */
export async function enqueueReprocess(
  queue: Queue<IngestJob>,
  runId: string,
  articleIds: readonly string[],
) {
  for (let i = 0; i < articleIds.length; i += 500) {
    await queue.addBulk(
      articleIds.slice(i, i + 500).map((articleId) => ({
        name: "reprocess",
        data: zIngestJob.parse({ articleId, runId }),
        opts: { jobId: `reprocess-${runId}-${articleId}`, attempts: 2 },
      })),
    );
  }
}

/**
 * How long repeated requests to fetch one article again collapse into one: a feed re-listing a URL on every
 * poll, or a person pressing submit twice, costs the site one request per window.
 */
export const REFETCH_WINDOW_MS = 10 * 60_000;

export const refetchDedupId = (articleId: string) => `refetch-${articleId}`;

/**
 * Fetches a readable URL article again to look for a new revision. Deduplicated per article for
 * `REFETCH_WINDOW_MS` (BullMQ throttle mode); false when an earlier request within the window already covers it.
 */
export async function enqueueRefetch(queue: Queue<IngestJob>, articleId: string): Promise<boolean> {
  if (await queue.getDeduplicationJobId(refetchDedupId(articleId))) return false;
  await queue.add("refetch", zIngestJob.parse({ articleId }), {
    deduplication: { id: refetchDedupId(articleId), ttl: REFETCH_WINDOW_MS },
    // A page that cannot be fetched now keeps its stored revision; the next request tries again.
    attempts: 2,
  });
  return true;
}
