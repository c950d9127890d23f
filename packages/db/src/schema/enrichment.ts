import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { articles } from "./articles";

/** Where an item sits: paragraph `n` and the character span [start, end) in its text. */
const spanColumns = () => ({
  paragraph: integer("paragraph").notNull(),
  start: integer("start").notNull(),
  end: integer("end").notNull(),
});

const articleRef = () =>
  uuid("article_id")
    .notNull()
    .references(() => articles.id, { onDelete: "cascade" });

/** Canonical entities of the whole corpus, one row per slug; articles contribute aliases and mentions. */
export const entities = pgTable("entities", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  type: text("type").notNull(),
  placeKind: text("place_kind"),
  description: text("description"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** An entity as one article names it: aliases with counts, description, `stands for`. */
export const articleEntities = pgTable(
  "article_entities",
  {
    articleId: articleRef(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    aliases: jsonb("aliases").$type<{ text: string; count: number }[]>().notNull(),
    mentions: integer("mentions").notNull(),
    description: jsonb("description").$type<{
      text: string;
      paragraph: number;
      start: number;
      end: number;
    }>(),
    standsFor: text("stands_for"),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.slug] }), index("article_entities_slug_idx").on(t.slug)],
);

export const mentions = pgTable(
  "mentions",
  {
    articleId: articleRef(),
    entitySlug: text("entity_slug").notNull(),
    ...spanColumns(),
    text: text("text").notNull(),
    form: text("form").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.paragraph, t.start, t.entitySlug] }),
    // "All mentions of entity X", newest articles first through the join.
    index("mentions_entity_idx").on(t.entitySlug, t.articleId),
  ],
);

export const timeExpressions = pgTable(
  "time_expressions",
  {
    articleId: articleRef(),
    ...spanColumns(),
    text: text("text").notNull(),
    type: text("type").notNull(),
    value: text("value").notNull(),
    precision: text("precision"),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.paragraph, t.start] })],
);

export const events = pgTable(
  "events",
  {
    articleId: articleRef(),
    ...spanColumns(),
    /** As resolved: `2026-03-19`, `2026-11`. */
    date: text("date").notNull(),
    precision: text("precision").notNull(),
    /** The first and last day the date can mean, for "events between dates" queries. */
    firstDay: date("first_day", { mode: "string" }).notNull(),
    lastDay: date("last_day", { mode: "string" }).notNull(),
    phrase: text("phrase").notNull(),
    sentence: text("sentence").notNull(),
    actors: text("actors").array().notNull().default(sql`'{}'::text[]`),
    expected: boolean("expected").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.paragraph, t.start, t.date] }),
    index("events_days_idx").on(t.firstDay, t.lastDay),
  ],
);

export const figures = pgTable(
  "figures",
  {
    articleId: articleRef(),
    ...spanColumns(),
    text: text("text").notNull(),
    kind: text("kind").notNull(),
    value: doublePrecision("value").notNull(),
    unit: text("unit"),
    of: doublePrecision("of"),
    qualifier: text("qualifier").notNull(),
    subject: text("subject"),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.paragraph, t.start] })],
);

export const quotes = pgTable(
  "quotes",
  {
    articleId: articleRef(),
    ...spanColumns(),
    text: text("text").notNull(),
    kind: text("kind").notNull(),
    speaker: text("speaker"),
    speakerEntity: text("speaker_entity"),
    cue: text("cue"),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.paragraph, t.start] }),
    index("quotes_speaker_idx").on(t.speakerEntity),
  ],
);

/** Term counts per article; keywords are scored against `term_stats` when read, so they follow the corpus. */
export const articleTerms = pgTable(
  "article_terms",
  {
    articleId: articleRef(),
    term: text("term").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.term] }), index("article_terms_term_idx").on(t.term)],
);

/** In how many enriched articles each term occurs: the document frequencies behind keyword scores. */
export const termStats = pgTable("term_stats", {
  term: text("term").primaryKey(),
  documents: integer("documents").notNull(),
});

/**
 * How many rows article_enrichment holds (the corpus size of the keyword statistics), kept by its triggers
 * (migration 0012) in 16 shards that a read sums.
 */
export const corpusDocumentCounts = pgTable("corpus_document_counts", {
  shard: smallint("shard").primaryKey(),
  documents: bigint("documents", { mode: "number" }).notNull().default(0),
});

/** The enrichment of each article: which engine made it and a hash of its output, to skip unchanged rewrites. */
export const articleEnrichment = pgTable("article_enrichment", {
  articleId: uuid("article_id")
    .primaryKey()
    .references(() => articles.id, { onDelete: "cascade" }),
  version: integer("version").notNull(),
  outputHash: text("output_hash").notNull(),
  language: text("language"),
  referenceDate: text("reference_date"),
  error: text("error"),
  enrichedAt: timestamp("enriched_at", { withTimezone: true }).notNull().defaultNow(),
});
