import type { Feed, FeedItem } from "@parallax/core/feeds";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { feedItems, feeds } from "../schema/index";

export type FeedRow = typeof feeds.$inferSelect;

const itemCount = sql<number>`(select count(*)::int from feed_items i where i.feed_id = ${feeds.id})`;

function toFeed(row: FeedRow & { itemCount: number }): Feed {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    siteUrl: row.siteUrl,
    intervalMinutes: row.intervalMinutes,
    lastPolledAt: row.lastPolledAt,
    nextPollAt: row.nextPollAt,
    consecutiveFailures: row.consecutiveFailures,
    lastError: row.lastError,
    itemCount: row.itemCount,
    createdAt: row.createdAt,
    status: row.consecutiveFailures > 0 ? "failing" : row.lastPolledAt ? "ok" : "new",
  };
}

export async function listFeeds(db: Database): Promise<Feed[]> {
  const rows = await db
    .select({ ...feedColumns(), itemCount })
    .from(feeds)
    .orderBy(asc(sql`lower(coalesce(${feeds.title}, ${feeds.url}))`), asc(feeds.url));
  return rows.map(toFeed);
}

export async function getFeed(db: Database, id: string): Promise<Feed | null> {
  const [row] = await db
    .select({ ...feedColumns(), itemCount })
    .from(feeds)
    .where(eq(feeds.id, id));
  return row ? toFeed(row) : null;
}

export async function getFeedRow(db: Database, id: string): Promise<FeedRow | null> {
  const [row] = await db.select().from(feeds).where(eq(feeds.id, id));
  return row ?? null;
}

export async function findFeedByUrl(db: Database, url: string): Promise<Feed | null> {
  const [row] = await db
    .select({ ...feedColumns(), itemCount })
    .from(feeds)
    .where(eq(feeds.url, url));
  return row ? toFeed(row) : null;
}

export interface NewFeed {
  url: string;
  title?: string | null;
  siteUrl?: string | null;
  intervalMinutes?: number;
}

/** Subscribing twice to one URL finds the first subscription (`created: false`). */
export async function addFeed(db: Database, feed: NewFeed): Promise<{ feed: Feed; created: boolean }> {
  const [inserted] = await db
    .insert(feeds)
    .values({
      url: feed.url,
      title: feed.title ?? null,
      siteUrl: feed.siteUrl ?? null,
      ...(feed.intervalMinutes ? { intervalMinutes: feed.intervalMinutes } : {}),
      nextPollAt: new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: feeds.id });
  const found = inserted ? await getFeed(db, inserted.id) : await findFeedByUrl(db, feed.url);
  if (!found) throw new Error(`feed ${feed.url} conflicted with one that no longer exists; add it again`);
  return { feed: found, created: Boolean(inserted) };
}

/** Deletes the feed and its item records; the articles its items became stay. */
export async function removeFeed(db: Database, id: string): Promise<Feed | null> {
  const feed = await getFeed(db, id);
  if (!feed) return null;
  await db.delete(feeds).where(eq(feeds.id, id));
  return feed;
}

export async function listFeedSchedules(
  db: Database,
): Promise<{ id: string; intervalMinutes: number; nextPollAt: Date | null }[]> {
  return db
    .select({ id: feeds.id, intervalMinutes: feeds.intervalMinutes, nextPollAt: feeds.nextPollAt })
    .from(feeds);
}

export async function recordFeedFetched(
  db: Database,
  id: string,
  update: {
    title: string | null;
    siteUrl: string | null;
    etag: string | null;
    lastModified: string | null;
    nextPollAt: Date;
  },
): Promise<void> {
  await db
    .update(feeds)
    .set({
      // A title given by the person subscribing is kept; the feed's own fills a blank.
      title: sql`coalesce(${feeds.title}, ${update.title})`,
      siteUrl: sql`coalesce(${update.siteUrl}, ${feeds.siteUrl})`,
      etag: update.etag,
      lastModified: update.lastModified,
      lastPolledAt: new Date(),
      nextPollAt: update.nextPollAt,
      consecutiveFailures: 0,
      lastError: null,
    })
    .where(eq(feeds.id, id));
}

/** A 304: nothing changed, the validators stay. */
export async function recordFeedNotModified(db: Database, id: string, nextPollAt: Date): Promise<void> {
  await db
    .update(feeds)
    .set({ lastPolledAt: new Date(), nextPollAt, consecutiveFailures: 0, lastError: null })
    .where(eq(feeds.id, id));
}

/** Returns the failures in a row, this one included, for the backoff. */
export async function recordFeedFailure(db: Database, id: string, error: string): Promise<number> {
  const [row] = await db
    .update(feeds)
    .set({
      lastPolledAt: new Date(),
      consecutiveFailures: sql`${feeds.consecutiveFailures} + 1`,
      lastError: error.slice(0, 1000),
    })
    .where(eq(feeds.id, id))
    .returning({ failures: feeds.consecutiveFailures });
  return row?.failures ?? 0;
}

export async function setFeedNextPoll(db: Database, id: string, nextPollAt: Date): Promise<void> {
  await db.update(feeds).set({ nextPollAt }).where(eq(feeds.id, id));
}

/**
 * Records the items not seen before (by guid, or by URL within the feed) and returns every item of the feed not
 * yet submitted — the new ones and any a crash left behind — oldest first.
 */
export async function recordFeedItems(
  db: Database,
  feedId: string,
  items: readonly FeedItem[],
): Promise<{ guid: string; url: string; title: string | null; summary: string | null }[]> {
  for (let i = 0; i < items.length; i += 200) {
    await db
      .insert(feedItems)
      .values(
        items.slice(i, i + 200).map((item) => ({
          feedId,
          guid: item.guid,
          url: item.url,
          title: item.title,
          summary: item.summary,
          publishedAt: item.publishedAt,
        })),
      )
      .onConflictDoNothing();
  }
  return db
    .select({ guid: feedItems.guid, url: feedItems.url, title: feedItems.title, summary: feedItems.summary })
    .from(feedItems)
    .where(and(eq(feedItems.feedId, feedId), isNull(feedItems.submittedAt)))
    .orderBy(asc(feedItems.publishedAt), asc(feedItems.seenAt));
}

export async function markFeedItemSubmitted(
  db: Database,
  feedId: string,
  guid: string,
  articleId: string,
): Promise<void> {
  await db
    .update(feedItems)
    .set({ articleId, submittedAt: new Date() })
    .where(and(eq(feedItems.feedId, feedId), eq(feedItems.guid, guid)));
}

/** The feed's words for an article whose page could not be fetched: the newest item that has a summary. */
export async function feedFallbackFor(
  db: Database,
  articleId: string,
): Promise<{ url: string; title: string | null; summary: string } | null> {
  const [row] = await db
    .select({ url: feedItems.url, title: feedItems.title, summary: feedItems.summary })
    .from(feedItems)
    .where(and(eq(feedItems.articleId, articleId), sql`coalesce(${feedItems.summary}, '') <> ''`))
    .orderBy(sql`${feedItems.seenAt} desc`)
    .limit(1);
  return row?.summary ? { url: row.url, title: row.title, summary: row.summary } : null;
}

function feedColumns() {
  return {
    id: feeds.id,
    url: feeds.url,
    title: feeds.title,
    siteUrl: feeds.siteUrl,
    intervalMinutes: feeds.intervalMinutes,
    etag: feeds.etag,
    lastModified: feeds.lastModified,
    lastPolledAt: feeds.lastPolledAt,
    nextPollAt: feeds.nextPollAt,
    consecutiveFailures: feeds.consecutiveFailures,
    lastError: feeds.lastError,
    createdAt: feeds.createdAt,
  };
}
