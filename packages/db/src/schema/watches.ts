import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { articles } from "./articles";
import { stories } from "./stories";

// The tables of drizzle/0008_watches.sql (hand-written), declared for typed queries.

export const watches = pgTable(
  "watches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** entity | query | outlet */
    kind: text("kind").notNull(),
    /** Entity slug, websearch query text, or an outlet's source id or domain. */
    value: text("value").notNull(),
    label: text("label"),
    webhookUrl: text("webhook_url"),
    /** 32 random bytes, hex: the HMAC key of this watch's webhook signatures. */
    webhookSecret: text("webhook_secret").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastAlertAt: timestamp("last_alert_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("watches_kind_value_uq").on(t.kind, t.value, sql`coalesce(${t.webhookUrl}, '')`),
    index("watches_value_idx").on(t.kind, t.value),
    check("watches_kind_ck", sql`${t.kind} in ('entity', 'query', 'outlet')`),
    check("watches_webhook_url_ck", sql`${t.webhookUrl} ~ '^https?://'`),
  ],
);

export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    watchId: uuid("watch_id")
      .notNull()
      .references(() => watches.id, { onDelete: "cascade" }),
    /** new-article | briefing-changed */
    kind: text("kind").notNull(),
    articleId: uuid("article_id").references(() => articles.id, { onDelete: "cascade" }),
    storyId: uuid("story_id").references(() => stories.id, { onDelete: "cascade" }),
    version: integer("version"),
    title: text("title").notNull(),
    summary: text("summary"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("alerts_watch_article_uq").on(t.watchId, t.articleId).where(sql`${t.articleId} is not null`),
    uniqueIndex("alerts_watch_story_version_uq")
      .on(t.watchId, t.storyId, t.version)
      .where(sql`${t.storyId} is not null`),
    index("alerts_watch_created_idx").on(t.watchId, t.createdAt.desc()),
    index("alerts_created_idx").on(t.createdAt.desc()),
  ],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    alertId: uuid("alert_id")
      .primaryKey()
      .references(() => alerts.id, { onDelete: "cascade" }),
    watchId: uuid("watch_id")
      .notNull()
      .references(() => watches.id, { onDelete: "cascade" }),
    /** pending | delivered | retrying | failed */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    responseStatus: integer("response_status"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("webhook_deliveries_status_ck", sql`${t.status} in ('pending', 'delivered', 'retrying', 'failed')`),
  ],
);
