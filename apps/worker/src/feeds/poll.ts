import { type FeedItem, FeedParseError, nextPollDelay, parseFeedBytes } from "@parallax/core/feeds";
import {
  type Database,
  getFeedRow,
  markFeedItemSubmitted,
  recordFeedFailure,
  recordFeedFetched,
  recordFeedItems,
  recordFeedNotModified,
  setFeedNextPoll,
  storeSubmission,
} from "@parallax/db";
import {
  enqueueIngest,
  type FeedPollJob,
  enqueueRefetch,
  type IngestJob,
  scheduleFeed,
  unscheduleFeed,
} from "@parallax/queue";
import type { Queue } from "bullmq";
import type { FetchLimits } from "../ingest/fetch-page";
import { fetchFeed } from "./fetch-feed";

export interface PollDeps {
  db: Database;
  feedsQueue: Queue<FeedPollJob>;
  ingestQueue: Queue<IngestJob>;
  fetchLimits: FetchLimits;
  log: (line: string) => void;
}

export type PollOutcome =
  | { status: "gone" }
  | { status: "not-modified"; nextPollInMs: number }
  | { status: "fetched"; items: number; submitted: number; nextPollInMs: number }
  | { status: "failed"; error: string; failures: number; nextPollInMs: number };

/**
 * One poll of one feed: conditional GET, new items stored and submitted for ingestion, then the feed's
 * scheduler is set to the next delay (its interval, stretched by ttl / max-age / Retry-After, doubled per
 * failure in a row). Failures are recorded on the feed, never thrown: the schedule is the retry.
 */
export async function pollFeed(feedId: string, deps: PollDeps): Promise<PollOutcome> {
  const feed = await getFeedRow(deps.db, feedId);
  if (!feed) {
    // Removed while Redis was away: its scheduler outlived it.
    await unscheduleFeed(deps.feedsQueue, feedId);
    return { status: "gone" };
  }
  const response = await fetchFeed(feed.url, feed, deps.fetchLimits);
  const timing = { intervalMinutes: feed.intervalMinutes };

  if (response.status === "not-modified") {
    const delay = nextPollDelay({ ...timing, cacheControl: response.cacheControl, consecutiveFailures: 0 });
    await recordFeedNotModified(deps.db, feedId, new Date(Date.now() + delay));
    await reschedule(deps, feedId, delay);
    return { status: "not-modified", nextPollInMs: delay };
  }

  let error: string;
  let retryAfter: string | null = null;
  if (response.status === "failed") {
    error = response.error;
    retryAfter = response.retryAfter;
  } else {
    try {
      const parsed = parseFeedBytes(response.bytes, response.url);
      const pending = await recordFeedItems(deps.db, feedId, parsed.items);
      const submitted = await submitItems(deps, feedId, pending);
      const delay = nextPollDelay({
        ...timing,
        ttlMinutes: parsed.ttlMinutes,
        cacheControl: response.cacheControl,
        consecutiveFailures: 0,
      });
      await recordFeedFetched(deps.db, feedId, {
        title: parsed.title,
        siteUrl: parsed.siteUrl,
        etag: response.etag,
        lastModified: response.lastModified,
        nextPollAt: new Date(Date.now() + delay),
      });
      await reschedule(deps, feedId, delay);
      return { status: "fetched", items: parsed.items.length, submitted, nextPollInMs: delay };
    } catch (caught) {
      if (!(caught instanceof FeedParseError)) throw caught;
      error = `${feed.url}: ${caught.message}`;
    }
  }
  const failures = await recordFeedFailure(deps.db, feedId, error);
  const delay = nextPollDelay({ ...timing, retryAfter, consecutiveFailures: failures });
  await setFeedNextPoll(deps.db, feedId, new Date(Date.now() + delay));
  await reschedule(deps, feedId, delay);
  deps.log(
    `feed ${feed.url} failed (${failures} in a row, next try in ${Math.round(delay / 60_000)} min): ${error}`,
  );
  return { status: "failed", error, failures, nextPollInMs: delay };
}

/**
 * Each item becomes a URL submission, stored before it is enqueued (as the web and CLI submit). An item whose
 * URL is already a readable article is linked to it and that page is looked at again (a refetch, at most once
 * per article in ten minutes): a feed listing a known URL anew is how a changed article becomes its next revision.
 */
async function submitItems(
  deps: PollDeps,
  feedId: string,
  pending: Pick<FeedItem, "guid" | "url">[],
): Promise<number> {
  let submitted = 0;
  for (const item of pending) {
    const stored = await storeSubmission(deps.db, { url: item.url });
    await markFeedItemSubmitted(deps.db, feedId, item.guid, stored.articleId);
    if (!stored.created) {
      if (stored.status === "ready")
        await enqueueRefetch(deps.ingestQueue, stored.articleId).catch((error: Error) =>
          deps.log(`refetch of ${stored.articleId} not queued: ${error.message}`),
        );
      continue;
    }
    submitted++;
    try {
      await enqueueIngest(deps.ingestQueue, stored.articleId);
    } catch (error) {
      deps.log(`enqueue deferred to the reconciler for ${stored.articleId}: ${(error as Error).message}`);
    }
  }
  return submitted;
}

/** The next run starts after `delay`; `startDate` keeps BullMQ from running the re-upserted scheduler at once. */
async function reschedule(deps: PollDeps, feedId: string, delay: number): Promise<void> {
  await scheduleFeed(deps.feedsQueue, feedId, delay, new Date(Date.now() + delay));
}
