-- Watch lists, alerts and webhooks (issue 8).
--
-- A watch follows an entity (slug), a full-text query (websearch syntax, matched against the search vectors of
-- 0005_search) or an outlet (source id or domain). An alert is recorded once per watch and article, or per watch,
-- story and briefing version: the unique indexes make re-running the matching harmless. A webhook delivery is one
-- row per alert of a watch that has a webhook URL, updated by the worker that posts it.
CREATE TABLE "watches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"label" text,
	"webhook_url" text,
	"webhook_secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_alert_at" timestamp with time zone,
	CONSTRAINT "watches_kind_ck" CHECK ("kind" in ('entity', 'query', 'outlet')),
	CONSTRAINT "watches_webhook_url_ck" CHECK ("webhook_url" ~ '^https?://')
);--> statement-breakpoint
CREATE UNIQUE INDEX "watches_kind_value_uq" ON "watches" ("kind", "value", coalesce("webhook_url", ''));--> statement-breakpoint
CREATE INDEX "watches_value_idx" ON "watches" ("kind", "value");--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"watch_id" uuid NOT NULL REFERENCES "watches"("id") ON DELETE cascade,
	"kind" text NOT NULL,
	"article_id" uuid REFERENCES "articles"("id") ON DELETE cascade,
	"story_id" uuid REFERENCES "stories"("id") ON DELETE cascade,
	"version" integer,
	"title" text NOT NULL,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "alerts_kind_ck" CHECK ("kind" in ('new-article', 'briefing-changed')),
	CONSTRAINT "alerts_subject_ck" CHECK (
		("kind" = 'new-article' and "article_id" is not null and "story_id" is null)
		or ("kind" = 'briefing-changed' and "story_id" is not null and "version" is not null and "article_id" is null))
);--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_watch_article_uq" ON "alerts" ("watch_id", "article_id") WHERE "article_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_watch_story_version_uq" ON "alerts" ("watch_id", "story_id", "version") WHERE "story_id" is not null;--> statement-breakpoint
CREATE INDEX "alerts_watch_created_idx" ON "alerts" ("watch_id", "created_at" DESC);--> statement-breakpoint
CREATE INDEX "alerts_created_idx" ON "alerts" ("created_at" DESC);--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"alert_id" uuid PRIMARY KEY NOT NULL REFERENCES "alerts"("id") ON DELETE cascade,
	"watch_id" uuid NOT NULL REFERENCES "watches"("id") ON DELETE cascade,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"response_status" integer,
	"delivered_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_status_ck" CHECK ("status" in ('pending', 'delivered', 'retrying', 'failed'))
);
