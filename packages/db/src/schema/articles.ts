import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Caption, Digest } from "@parallax/core";
import { sources } from "./sources";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// The search columns and their configurations are explained in drizzle/0005_search.sql.
const titleVector = sql`setweight(to_tsvector('simple'::regconfig, coalesce("search_title", "title", '')), 'A')
  || setweight(to_tsvector('english'::regconfig, coalesce("search_title", "title", '')), 'A')`;
const paragraphWeight = sql`(CASE WHEN "kind" = 'heading' THEN 'B' ELSE 'D' END)::"char"`;
const paragraphVector = sql`setweight(to_tsvector('simple'::regconfig, coalesce("search_text", "text")), ${paragraphWeight})
  || setweight(to_tsvector('english'::regconfig, coalesce("search_text", "text")), ${paragraphWeight})`;

/**
 * Every input exactly as it reached us: the submission itself, and for URLs each fetched body, so that any
 * article can be rebuilt later by a better normalizer without fetching again.
 */
export const rawDocuments = pgTable(
  "raw_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    articleId: uuid("article_id").references((): AnyPgColumn => articles.id, { onDelete: "cascade" }),
    /** `url` | `html` | `text` as submitted; `fetch` for a page the worker downloaded. */
    kind: text("kind").notNull(),
    url: text("url"),
    /** Pasted HTML or text; null for URL submissions and fetches. */
    body: text("body"),
    /** Fetched bytes before any charset decoding. */
    bytes: bytea("bytes"),
    contentType: text("content_type"),
    httpStatus: integer("http_status"),
    /** Caller-supplied extras of a text submission (title, sourceName). */
    title: text("title"),
    sourceName: text("source_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("raw_documents_article_idx").on(t.articleId),
    check("raw_documents_kind_ck", sql`${t.kind} in ('url', 'html', 'text', 'fetch')`),
  ],
);

export const articles = pgTable(
  "articles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    url: text("url"),
    /** The URL in comparable form; a second submission of the same page finds the first through it. */
    urlKey: text("url_key"),
    /** sha256 of a pasted document (whitespace folded): the same paste twice is one article. */
    submissionHash: text("submission_hash"),
    canonicalUrl: text("canonical_url"),
    /** `comparableUrl` of the canonical URL: an AMP or mobile copy and the page it points to meet here. */
    canonicalKey: text("canonical_key"),
    title: text("title"),
    titleSource: text("title_source"),
    byline: text("byline"),
    authors: text("authors").array().notNull().default(sql`'{}'::text[]`),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    modifiedAt: timestamp("modified_at", { withTimezone: true }),
    genre: text("genre"),
    section: text("section"),
    description: text("description"),
    imageUrl: text("image_url"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    captions: jsonb("captions").$type<Caption[]>().notNull().default([]),
    digest: jsonb("digest").$type<Digest>(),
    /** Which normalizer built the stored body; `parallax reprocess --outdated` picks older ones. */
    normalizerVersion: integer("normalizer_version"),
    language: text("language"),
    siteName: text("site_name"),
    sourceId: uuid("source_id").references(() => sources.id),
    contentHash: text("content_hash"),
    /** The revision the stored paragraphs are (article_revisions); 0 until first stored. */
    revision: integer("revision").notNull().default(0),
    /** When the page was last downloaded, whether or not its text had changed. */
    fetchedAt: timestamp("fetched_at", { withTimezone: true }),
    status: text("status").notNull().default("queued"),
    error: text("error"),
    duplicateOf: uuid("duplicate_of").references((): AnyPgColumn => articles.id, { onDelete: "set null" }),
    /** The title with CJK words spaced for the search index (core `segmentForSearch`); null without CJK. */
    searchTitle: text("search_title"),
    searchVector: tsvector("search_vector").generatedAlwaysAs(titleVector),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("articles_url_key_uq").on(t.urlKey).where(sql`${t.urlKey} is not null`),
    uniqueIndex("articles_submission_hash_uq")
      .on(t.submissionHash)
      .where(sql`${t.submissionHash} is not null`),
    index("articles_content_hash_idx").on(t.contentHash),
    index("articles_canonical_key_idx").on(t.canonicalKey),
    index("articles_status_idx").on(t.status),
    index("articles_duplicate_of_idx").on(t.duplicateOf).where(sql`${t.duplicateOf} is not null`),
    index("articles_created_idx").on(t.createdAt.desc()),
    index("articles_search_idx").using("gin", t.searchVector),
    check("articles_status_ck", sql`${t.status} in ('queued', 'processing', 'ready', 'failed', 'duplicate')`),
    check("articles_title_source_ck", sql`${t.titleSource} in ('explicit', 'derived')`),
    check("articles_genre_ck", sql`${t.genre} in ('opinion', 'analysis', 'news')`),
  ],
);

export const paragraphs = pgTable(
  "paragraphs",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    n: integer("n").notNull(),
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    /** The text with CJK words spaced for the search index (core `segmentForSearch`); null without CJK. */
    searchText: text("search_text"),
    searchVector: tsvector("search_vector").generatedAlwaysAs(paragraphVector),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.n] }),
    check("paragraphs_n_ck", sql`${t.n} >= 1`),
    index("paragraphs_search_idx").using("gin", t.searchVector),
  ],
);
