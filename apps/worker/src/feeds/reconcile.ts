import { type Database, listFeedSchedules } from "@parallax/db";
import { type FeedPollJob, scheduleFeed } from "@parallax/queue";
import type { Queue } from "bullmq";

/**
 * Every stored feed has a scheduler: one subscribed while Redis was away, or lost with Redis's data, gets one
 * again, starting at its recorded next poll (or now, if that has passed).
 */
export async function reconcileFeedSchedulers(db: Database, queue: Queue<FeedPollJob>): Promise<number> {
  let created = 0;
  for (const feed of await listFeedSchedules(db)) {
    if (await queue.getJobScheduler(feed.id)) continue;
    const startAt = new Date(Math.max(Date.now(), feed.nextPollAt?.getTime() ?? 0));
    await scheduleFeed(queue, feed.id, feed.intervalMinutes * 60_000, startAt);
    created++;
  }
  return created;
}
