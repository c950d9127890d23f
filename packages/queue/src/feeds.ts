import { queueKeyPrefix } from "./connection";
import { Queue } from "bullmq";
import { z } from "zod";
import type { QueueSettings } from "./ingest";

export const FEEDS_QUEUE = "feeds";

export const zFeedPollJob = z.object({ feedId: z.uuid() });
export type FeedPollJob = z.infer<typeof zFeedPollJob>;

export function createFeedsQueue({ connection, prefix }: QueueSettings): Queue<FeedPollJob> {
  return new Queue<FeedPollJob>(FEEDS_QUEUE, {
    connection,
    prefix: queueKeyPrefix(prefix),
    // A failed poll is retried by the feed's own schedule (with backoff), not by BullMQ.
    defaultJobOptions: {
      attempts: 1,
      removeOnComplete: { age: 24 * 3600, count: 1_000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
    },
  });
}

/**
 * One scheduler per feed, keyed by the feed id: upserting again changes its interval (after a `ttl`, a
 * `Retry-After` or a backoff) without ever making a second one. `startDate` delays the first run.
 */
export async function scheduleFeed(
  queue: Queue<FeedPollJob>,
  feedId: string,
  everyMs: number,
  startAt?: Date,
): Promise<void> {
  const data = zFeedPollJob.parse({ feedId });
  await queue.upsertJobScheduler(
    feedId,
    { every: everyMs, ...(startAt ? { startDate: startAt } : {}) },
    { name: "poll", data },
  );
}

export async function unscheduleFeed(queue: Queue<FeedPollJob>, feedId: string): Promise<void> {
  await queue.removeJobScheduler(feedId);
}

/** A poll now, beside the schedule; one at a time per feed. */
export async function enqueueFeedPoll(queue: Queue<FeedPollJob>, feedId: string): Promise<void> {
  await queue.add("poll", zFeedPollJob.parse({ feedId }), { deduplication: { id: `poll-${feedId}` } });
}
