import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { articles } from "./articles";

/** One request to rebuild stored articles from their raw documents with the current normalizer. */
export const reprocessRuns = pgTable("reprocess_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** `all`, `since` (articles submitted since a date) or `outdated` (built by an older normalizer). */
  scope: text("scope").notNull(),
  since: timestamp("since", { withTimezone: true }),
  normalizerVersion: integer("normalizer_version").notNull(),
  total: integer("total").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** What reprocessing did to one article: nothing, a list of changes, or an error (the old version is kept). */
export const reprocessResults = pgTable(
  "reprocess_results",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => reprocessRuns.id, { onDelete: "cascade" }),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    outcome: text("outcome").notNull(),
    changes: jsonb("changes").$type<string[]>().notNull().default([]),
    error: text("error"),
    finishedAt: timestamp("finished_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.articleId] }),
    index("reprocess_results_article_idx").on(t.articleId),
    check("reprocess_results_outcome_ck", sql`${t.outcome} in ('unchanged', 'changed', 'failed')`),
  ],
);
