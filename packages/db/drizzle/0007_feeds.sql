-- Feed subscriptions (issue 8): one row per feed Parallax polls, and one per item it has seen, so that an item
-- is submitted for ingestion once however many polls list it. Removing a feed removes its items' rows, never
-- their articles.
CREATE TABLE "feeds" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "url" text NOT NULL,
  "title" text,
  "site_url" text,
  "interval_minutes" integer DEFAULT 15 NOT NULL,
  "etag" text,
  "last_modified" text,
  "last_polled_at" timestamp with time zone,
  "next_poll_at" timestamp with time zone,
  "consecutive_failures" integer DEFAULT 0 NOT NULL,
  "last_error" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "feeds_url_uq" UNIQUE ("url"),
  CONSTRAINT "feeds_interval_ck" CHECK ("interval_minutes" BETWEEN 1 AND 1440),
  CONSTRAINT "feeds_failures_ck" CHECK ("consecutive_failures" >= 0)
);
--> statement-breakpoint
CREATE TABLE "feed_items" (
  "feed_id" uuid NOT NULL REFERENCES "feeds"("id") ON DELETE CASCADE,
  "guid" text NOT NULL,
  "url" text NOT NULL,
  "article_id" uuid REFERENCES "articles"("id") ON DELETE SET NULL,
  "title" text,
  -- Plain text of the item's summary: the article's text when its page cannot be fetched.
  "summary" text,
  "published_at" timestamp with time zone,
  "seen_at" timestamp with time zone DEFAULT now() NOT NULL,
  -- Set once the item is stored as a submission; an item seen but not yet submitted (a crash between the two)
  -- is submitted on the next poll.
  "submitted_at" timestamp with time zone,
  CONSTRAINT "feed_items_pk" PRIMARY KEY ("feed_id", "guid")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feed_items_feed_url_uq" ON "feed_items" ("feed_id", "url");
--> statement-breakpoint
CREATE INDEX "feed_items_article_idx" ON "feed_items" ("article_id");
