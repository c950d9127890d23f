import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { articles, rawDocuments } from "./articles";
import { briefings } from "./stories";

export const revisionReasons = ["first", "refetch", "reprocess"] as const;
export type RevisionReason = (typeof revisionReasons)[number];

export interface StoredRevisionParagraph {
  n: number;
  kind: string;
  text: string;
}

/** Every text an article has shown, so that an earlier revision stays readable after the page changed. */
export const articleRevisions = pgTable(
  "article_revisions",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    contentHash: text("content_hash").notNull(),
    title: text("title"),
    paragraphs: jsonb("paragraphs").$type<StoredRevisionParagraph[]>().notNull(),
    rawDocumentId: uuid("raw_document_id").references(() => rawDocuments.id, { onDelete: "set null" }),
    reason: text("reason").$type<RevisionReason>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "article_revisions_pk", columns: [t.articleId, t.revision] }),
    check("article_revisions_revision_ck", sql`${t.revision} >= 1`),
    check("article_revisions_reason_ck", sql`${t.reason} in ('first', 'refetch', 'reprocess')`),
  ],
);

export interface BriefingMarkPoint {
  /** Key point number in the briefing. */
  point: number;
  /** The paragraph number the point cites, as of the briefing. */
  paragraph: number;
  reason: "changed" | "removed" | "renumbered";
}

/** Key points of a briefing that cite a paragraph a later revision of the article changed. */
export const briefingMarks = pgTable(
  "briefing_marks",
  {
    briefingId: uuid("briefing_id")
      .notNull()
      .references(() => briefings.id, { onDelete: "cascade" }),
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    points: jsonb("points").$type<BriefingMarkPoint[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "briefing_marks_pk", columns: [t.briefingId, t.articleId, t.revision] })],
);
