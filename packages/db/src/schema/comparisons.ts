import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Comparisons computed on request, kept so that the same request is answered without computing again. The key
 * is a hash of everything the comparison is built from (`comparisonKey`): the comparison engine's version, the
 * grouping, and each article's text, metadata and enrichment as hashes. A changed article or engine makes a new
 * key, so a stale row is never read, only pruned once it is among the least recently used.
 */
export const comparisons = pgTable(
  "comparisons",
  {
    key: text("key").primaryKey(),
    /** `COMPARISON_VERSION` of the engine that built it. */
    version: integer("version").notNull(),
    /** What it compares, for inspection; the key alone decides whether a row answers a request. */
    articleIds: uuid("article_ids").array().notNull(),
    /** A `Comparison` (the schema in @parallax/core says what it holds). */
    content: jsonb("content").$type<unknown>().notNull(),
    builtAt: timestamp("built_at", { withTimezone: true }).notNull().defaultNow(),
    /** Last answered from: pruning keeps the most recently used rows. */
    usedAt: timestamp("used_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("comparisons_used_at_idx").on(t.usedAt.desc()),
    check("comparisons_key_ck", sql`${t.key} ~ '^[0-9a-f]{64}$'`),
  ],
);
