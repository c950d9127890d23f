import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { articles } from "./articles";

/** Feed subscriptions; see drizzle/0007_feeds.sql. */
export const feeds = pgTable(
  "feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    url: text("url").notNull(),
    title: text("title"),
    siteUrl: text("site_url"),
    intervalMinutes: integer("interval_minutes").notNull().default(15),
    /** Validators of the last 200 response, sent back as If-None-Match / If-Modified-Since. */
    etag: text("etag"),
    lastModified: text("last_modified"),
    lastPolledAt: timestamp("last_polled_at", { withTimezone: true }),
    nextPollAt: timestamp("next_poll_at", { withTimezone: true }),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("feeds_url_uq").on(t.url),
    check("feeds_interval_ck", sql`${t.intervalMinutes} BETWEEN 1 AND 1440`),
    check("feeds_failures_ck", sql`${t.consecutiveFailures} >= 0`),
  ],
);

export const feedItems = pgTable(
  "feed_items",
  {
    feedId: uuid("feed_id")
      .notNull()
      .references(() => feeds.id, { onDelete: "cascade" }),
    guid: text("guid").notNull(),
    url: text("url").notNull(),
    articleId: uuid("article_id").references(() => articles.id, { onDelete: "set null" }),
    title: text("title"),
    summary: text("summary"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: "feed_items_pk", columns: [t.feedId, t.guid] }),
    uniqueIndex("feed_items_feed_url_uq").on(t.feedId, t.url),
    index("feed_items_article_idx").on(t.articleId),
  ],
);
