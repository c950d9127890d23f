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
 * A rebuild waits `debounceMs` after the first request, and requests meanwhile join it: a burst of articles on
 * one story (a feed delivering twenty at once) makes one rebuild, not twenty. The wait is not restarted by later
 * requests (a story gaining an article every second would otherwise never be rebuilt during a burst). A request
 * while the rebuild runs is kept and made a new rebuild when it ends (BullMQ's `keepLastIfActive`), so the last
 * change is never lost and no two processes rebuild one story at once; under load, rebuilds of a story simply
 * cover more articles each.
 */
export async function enqueueBrief(
  queue: Queue<BriefJob>,
  storyId: string,
  debounceMs = BRIEF_DEBOUNCE_MS,
): Promise<void> {
  await queue.add("brief", zBriefJob.parse({ storyId }), {
    delay: debounceMs,
    deduplication: { id: briefDedupId(storyId), keepLastIfActive: true },
  });
}

/** The key under which a story's pending rebuild is known while it waits or runs. */
export const briefDedupId = (storyId: string) => `brief-${storyId}`;
