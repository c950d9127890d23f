import {
  type AddFeed,
  buildOpml,
  DEFAULT_INTERVAL_MINUTES,
  discoverFeeds,
  type Feed,
  FeedParseError,
  MAX_FEED_BYTES,
  OpmlError,
  parseFeedBytes,
  parseOpmlFeeds,
} from "@parallax/core/feeds";
import { addFeed, findFeedByUrl, getFeed, listFeeds, removeFeed } from "@parallax/db";
import { type FetchGuard, fetchBytes, refusalOf } from "@parallax/net";
import { enqueueFeedPoll, type FeedPollJob, scheduleFeed, unscheduleFeed } from "@parallax/queue";
import { TRPCError } from "@trpc/server";
import type { Queue } from "bullmq";
import type { Context } from "../trpc";

const USER_AGENT = "Parallax/0.1 feed reader (+https://github.com/parallax-news; self-hosted)";
const FETCH_TIMEOUT_MS = 10_000;
/** Discovery probes at most this many candidate URLs. */
const MAX_PROBES = 12;

export interface DiscoveredCandidate {
  url: string;
  title: string | null;
  itemCount: number;
}

export type AddResult =
  | { status: "added"; feed: Feed; created: boolean; scheduled: boolean }
  | { status: "choose"; candidates: DiscoveredCandidate[] };

function feedsQueue(ctx: Context): Queue<FeedPollJob> | null {
  return (ctx.queues?.feeds as unknown as Queue<FeedPollJob> | undefined) ?? null;
}

/** Best effort: without Redis the worker's reconciler creates the schedule when it next runs. */
async function schedule(ctx: Context, feed: Feed): Promise<boolean> {
  const queue = feedsQueue(ctx);
  if (!queue) return false;
  try {
    await scheduleFeed(queue, feed.id, feed.intervalMinutes * 60_000, new Date());
    return true;
  } catch (error) {
    ctx.log(`feed ${feed.url} will be scheduled by the worker's reconciler: ${(error as Error).message}`);
    return false;
  }
}

interface Fetched {
  url: string;
  contentType: string | null;
  bytes: Uint8Array;
}

/** The document at `url`, through the guard: discovery runs in the web process, on a URL anyone may type. */
async function fetchCapped(
  guard: FetchGuard | undefined,
  url: string,
  maxBytes = MAX_FEED_BYTES,
): Promise<Fetched> {
  let page: Awaited<ReturnType<typeof fetchBytes>>;
  try {
    page = await fetchBytes(url, {
      ...(guard ? { guard } : {}),
      maxBytes,
      timeoutMs: FETCH_TIMEOUT_MS,
      headers: {
        "user-agent": USER_AGENT,
        accept:
          "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.8, */*;q=0.5",
      },
    });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) throw new TRPCError({ code: "BAD_REQUEST", message: refusal.message, cause: refusal });
    const reason = error instanceof Error && error.name === "TimeoutError" ? "timed out" : describe(error);
    throw new TRPCError({ code: "BAD_REQUEST", message: `could not fetch ${url}: ${reason}` });
  }
  if (page.status < 200 || page.status >= 300)
    throw new TRPCError({ code: "BAD_REQUEST", message: `${page.url} answered HTTP ${page.status}` });
  return { url: page.url, contentType: page.contentType, bytes: page.bytes };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND") return "host not found";
  return error.cause instanceof Error ? error.cause.message : error.message;
}

const looksLikeHtml = (page: Fetched) =>
  /html/i.test(page.contentType ?? "") ||
  /^\s*(<!doctype html|<html)/i.test(new TextDecoder().decode(page.bytes.subarray(0, 512)));

/**
 * Subscribes to a feed URL. A home page instead of a feed is answered with the feeds discovered on it, for the
 * person to choose from; anything else that is not a feed is refused with the reason.
 */
export async function addSubscription(ctx: Context, input: AddFeed): Promise<AddResult> {
  const known = await findFeedByUrl(ctx.db, input.url);
  if (known) return { status: "added", feed: known, created: false, scheduled: false };
  const page = await fetchCapped(ctx.fetchGuard, input.url);
  let parsed: ReturnType<typeof parseFeedBytes>;
  try {
    parsed = parseFeedBytes(page.bytes, page.url);
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    if (looksLikeHtml(page)) {
      const candidates = await probeCandidates(ctx, new TextDecoder().decode(page.bytes), page.url);
      if (candidates.length) return { status: "choose", candidates };
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `${input.url} is a web page and no feed was found on it`,
      });
    }
    throw new TRPCError({ code: "BAD_REQUEST", message: `${input.url}: ${error.message}` });
  }
  const { feed, created } = await addFeed(ctx.db, {
    url: input.url,
    title: input.title ?? parsed.title,
    siteUrl: parsed.siteUrl,
    intervalMinutes: input.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES,
  });
  const scheduled = created ? await schedule(ctx, feed) : false;
  return { status: "added", feed, created, scheduled };
}

/** Feeds a site offers: those its home page links to, then the common paths, each fetched and parsed. */
export async function discoverSubscriptions(ctx: Context, url: string): Promise<DiscoveredCandidate[]> {
  const page = await fetchCapped(ctx.fetchGuard, url);
  try {
    const parsed = parseFeedBytes(page.bytes, page.url);
    return [{ url, title: parsed.title, itemCount: parsed.items.length }];
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
  }
  ctx.log(`discovering feeds on ${url}`);
  return probeCandidates(ctx, new TextDecoder().decode(page.bytes), page.url);
}

async function probeCandidates(ctx: Context, html: string, pageUrl: string): Promise<DiscoveredCandidate[]> {
  const found = discoverFeeds(html, pageUrl).slice(0, MAX_PROBES);
  const probed = await Promise.all(
    found.map(async (candidate) => {
      try {
        const fetched = await fetchCapped(ctx.fetchGuard, candidate.url);
        const parsed = parseFeedBytes(fetched.bytes, fetched.url);
        return { url: candidate.url, title: candidate.title ?? parsed.title, itemCount: parsed.items.length };
      } catch {
        return null;
      }
    }),
  );
  // /feed and /rss often serve the same document as the linked feed; one entry per final document is enough.
  return probed.filter((c): c is DiscoveredCandidate => c !== null);
}

export async function removeSubscription(ctx: Context, id: string): Promise<Feed> {
  const queue = feedsQueue(ctx);
  if (queue) {
    // If Redis is away the scheduler outlives the row, and its next poll removes it (the feed is gone).
    await unscheduleFeed(queue, id).catch((error: Error) =>
      ctx.log(`scheduler of feed ${id} left for its next poll to remove: ${error.message}`),
    );
  }
  const removed = await removeFeed(ctx.db, id);
  if (!removed) throw new TRPCError({ code: "NOT_FOUND", message: `no feed ${id}` });
  return removed;
}

export async function pollSubscriptionNow(ctx: Context, id: string): Promise<Feed> {
  const feed = await getFeed(ctx.db, id);
  if (!feed) throw new TRPCError({ code: "NOT_FOUND", message: `no feed ${id}` });
  const queue = feedsQueue(ctx);
  if (!queue)
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "the job queue cannot be reached" });
  try {
    await enqueueFeedPoll(queue, id);
  } catch (error) {
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: `the job queue cannot be reached: ${(error as Error).message}`,
    });
  }
  return feed;
}

export interface ImportResult {
  added: number;
  existing: number;
  skipped: { text: string; reason: string }[];
}

/** Subscribes to every feed of an OPML file without fetching them; their first polls check them. */
export async function importOpml(ctx: Context, text: string): Promise<ImportResult> {
  let parsed: ReturnType<typeof parseOpmlFeeds>;
  try {
    parsed = parseOpmlFeeds(text);
  } catch (error) {
    if (error instanceof OpmlError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    throw error;
  }
  const result: ImportResult = { added: 0, existing: 0, skipped: parsed.skipped };
  for (const entry of parsed.feeds) {
    const { feed, created } = await addFeed(ctx.db, entry);
    if (created) {
      result.added++;
      await schedule(ctx, feed);
    } else result.existing++;
  }
  return result;
}

export async function exportOpml(ctx: Context): Promise<string> {
  const feeds = await listFeeds(ctx.db);
  return buildOpml(feeds.map((feed) => ({ url: feed.url, title: feed.title, siteUrl: feed.siteUrl })));
}
