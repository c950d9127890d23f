import { queueKeyPrefix } from "./connection";
import { type JobsOptions, Queue } from "bullmq";
import { z } from "zod";
import type { QueueSettings } from "./ingest";

export const CLUSTER_QUEUE = "cluster";
export const BRIEF_QUEUE = "brief";

export const zClusterJob = z.object({ articleId: z.uuid() });
export type ClusterJob = z.infer<typeof zClusterJob>;

export const zBriefJob = z.object({ storyId: z.uuid() });
export type BriefJob = z.infer<typeof zBriefJob>;

const jobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/**
 * How long a story's briefing waits for more changes: a burst of articles on one story (a feed delivering
 * twenty at once) makes one rebuild, not twenty.
 */
export const BRIEF_DEBOUNCE_MS = 2_000;

export function createClusterQueue(
  { connection, prefix }: QueueSettings,
  options: Partial<JobsOptions> = {},
) {
  return new Queue<ClusterJob>(CLUSTER_QUEUE, {
    connection,
    prefix: queueKeyPrefix(prefix),
    defaultJobOptions: { ...jobOptions, ...options },
  });
}

export function createBriefQueue({ connection, prefix }: QueueSettings, options: Partial<JobsOptions> = {}) {
  return new Queue<BriefJob>(BRIEF_QUEUE, {
    connection,
    prefix: queueKeyPrefix(prefix),
    defaultJobOptions: { ...jobOptions, ...options },
  });
}

/** One pending assignment per article, as for enrichment. */
export async function enqueueCluster(queue: Queue<ClusterJob>, articleId: string): Promise<void> {
  await queue.add("cluster", zClusterJob.parse({ articleId }), {
    deduplication: { id: clusterDedupId(articleId) },
  });
}

/** The key under which an article's pending story assignment is known while it waits or runs. */
export const clusterDedupId = (articleId: string) => `cluster-${articleId}`;

/**
 * Debounced: a rebuild waits `debounceMs`; another request meanwhile replaces it and restarts the wait (BullMQ's
 * deduplication in debounce mode). A request while a rebuild runs makes a new one after it, so the last change
 * is never lost.
 */
export async function enqueueBrief(
  queue: Queue<BriefJob>,
  storyId: string,
  debounceMs = BRIEF_DEBOUNCE_MS,
): Promise<void> {
  await queue.add("brief", zBriefJob.parse({ storyId }), {
    delay: debounceMs,
    deduplication: { id: `brief-${storyId}`, ttl: debounceMs, extend: true, replace: true },
  });
}
