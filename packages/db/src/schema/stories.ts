import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { articles } from "./articles";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/**
 * One number for every change to any story: a story's `revision` is the value taken when it last changed, so
 * "most recently updated first" is a keyset on one unique integer, and a briefing built at revision r is stale
 * exactly when the story's revision is greater. Postings carry the revision of the save that wrote them.
 */
export const storyRevisionSeq = pgSequence("story_revision_seq");

/** Clustering's corpus statistics: a single row (id 1), updated under the story lock. */
export const clusterCorpus = pgTable(
  "cluster_corpus",
  {
    id: smallint("id").primaryKey().default(1),
    documents: integer("documents").notNull().default(0),
    /** Sum of weighted document lengths (BM25's average length is this over `documents`). */
    totalLength: doublePrecision("total_length").notNull().default(0),
  },
  (t) => [check("cluster_corpus_single_ck", sql`${t.id} = 1`)],
);

/**
 * Document frequency of each clustering term (`w:`, `t:`, `b:`, `e:`, `f:`, `d:` namespaces). Counted once per
 * clustered article and never taken back: like any corpus statistic it describes what was seen, and IDF of a
 * deleted article's words moving back would re-order stories for no news.
 */
export const clusterTerms = pgTable("cluster_terms", {
  term: text("term").primaryKey(),
  df: integer("df").notNull(),
});

/**
 * A story and the clustering engine's bounded summary of it (`StorySummary` in @parallax/core/cluster). A story
 * merged into another, or emptied by a user's move, keeps its row with `merged_into` set, so its id keeps
 * resolving; `merged_into` always names a live story (chains are compressed when they form).
 */
export const stories = pgTable(
  "stories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Member articles, as the summary counts them (0 once merged away or emptied). */
    size: integer("size").notNull(),
    firstAt: timestamp("first_at", { withTimezone: true }),
    lastAt: timestamp("last_at", { withTimezone: true }),
    /** [term, summed weight, IDF when saved], strongest first, at most `storyTerms` of them. */
    terms: jsonb("terms").$type<Array<[string, number, number]>>().notNull(),
    norm: doublePrecision("norm").notNull(),
    normDocuments: integer("norm_documents").notNull(),
    mergedInto: uuid("merged_into").references((): AnyPgColumn => stories.id, { onDelete: "set null" }),
    revision: bigint("revision", { mode: "number" }).notNull().default(sql`nextval('story_revision_seq')`),
    ...timestamps,
  },
  (t) => [
    // Live stories, most recently changed first: the story list and its keyset pagination.
    index("stories_revision_idx").on(t.revision.desc()).where(sql`${t.mergedInto} is null`),
    index("stories_merged_into_idx").on(t.mergedInto),
    check("stories_size_ck", sql`${t.size} >= 0`),
  ],
);

/**
 * The terms a live story can be found under. Candidate lookup reads, for each query term, only the `perTerm`
 * highest `seq` (the stories most recently saved under it) through `story_postings_term_seq_idx`.
 */
export const storyPostings = pgTable(
  "story_postings",
  {
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    term: text("term").notNull(),
    /** The story's revision when these postings were written. */
    seq: bigint("seq", { mode: "number" }).notNull(),
    /** The story's `last_at`, copied so that the time filter needs no join. */
    lastAt: timestamp("last_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.storyId, t.term] }),
    index("story_postings_term_seq_idx").on(t.term, t.seq.desc()),
  ],
);

export const storyMergeKinds = ["merge", "emptied"] as const;

/**
 * Why a story id redirects: `merge` when an article showed two stories to be one (the engine's decision),
 * `emptied` when moves or a forced re-assignment took its last article elsewhere.
 */
export const storyMerges = pgTable(
  "story_merges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fromId: uuid("from_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    intoId: uuid("into_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** Publication time of the article that showed it; null when undated or done by hand. */
    at: timestamp("at", { withTimezone: true }),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("story_merges_from_idx").on(t.fromId),
    index("story_merges_into_idx").on(t.intoId),
    check("story_merges_kind_ck", sql`${t.kind} in ('merge', 'emptied')`),
  ],
);

/** Which story each clustered article is in. A row also means the article's terms were counted once. */
export const articleStories = pgTable(
  "article_stories",
  {
    articleId: uuid("article_id")
      .primaryKey()
      .references(() => articles.id, { onDelete: "cascade" }),
    storyId: uuid("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    /** Similarity to the story when assigned; null when a user placed it there. */
    score: doublePrecision("score"),
    /** A user moved it here: automatic (re-)assignment leaves it alone. */
    pinned: boolean("pinned").notNull().default(false),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("article_stories_story_idx").on(t.storyId)],
);

export const briefingScopes = ["story", "article"] as const;

/**
 * Every version of every briefing: a new version only when its input changed, so a reader can compare a
 * briefing with the one before. `subject_id` is a story or an article id, by `scope`.
 */
export const briefings = pgTable(
  "briefings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scope: text("scope").notNull(),
    subjectId: uuid("subject_id").notNull(),
    version: integer("version").notNull(),
    /** Hash of what the briefing was built from; the same input again makes no new version. */
    inputHash: text("input_hash").notNull(),
    content: jsonb("content").$type<unknown>().notNull(),
    /**
     * Key of the inputs (`briefingSourceKey`) of the latest build that gave this content: a rebuild request whose
     * inputs have the same key would give it again, so the worker skips it. Null when built by anything else.
     */
    buildKey: text("build_key"),
    builtAt: timestamp("built_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("briefings_subject_version_uq").on(t.scope, t.subjectId, t.version),
    check("briefings_scope_ck", sql`${t.scope} in ('story', 'article')`),
    check("briefings_version_ck", sql`${t.version} >= 1`),
  ],
);
