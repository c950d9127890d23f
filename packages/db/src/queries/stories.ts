import {
  assignArticle,
  type ClusterDoc,
  type ClusterOptions,
  DEFAULT_CLUSTER_OPTIONS,
  EMPTY_STORY,
  type MergeRecord,
  rebuildStory,
} from "@parallax/core/cluster";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../client";
import type { Transaction } from "./pipeline";
import {
  ClusterCorpus,
  loadClusterDocs,
  lockStories,
  PgStoryIndex,
  type Queryable,
  redirectStory,
} from "./story-index";

export type StoryErrorCode = "NOT_FOUND" | "BAD_REQUEST";

/** A story request that cannot be done; `code` is the API error to answer with (tRPC NOT_FOUND, BAD_REQUEST). */
export class StoryError extends Error {
  constructor(
    readonly code: StoryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StoryError";
  }
}

// Any well-formed UUID, as Postgres takes it (ours are v4, but the version is not ours to check).
const zId = z.guid();
const isId = (id: unknown): id is string => zId.safeParse(id).success;

function requireId(id: unknown, what: string): string {
  if (!isId(id)) throw new StoryError("BAD_REQUEST", `${what} must be a UUID, not ${JSON.stringify(id)}`);
  // Postgres prints UUIDs in lower case; ids compared in JavaScript must be too.
  return id.toLowerCase();
}

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** ISO 8601 in UTC, as the API returns dates (the driver hands timestamps over in Postgres' own format). */
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// ——— Writes: each in one transaction under the story lock (see `lockStories`). ———

export interface AssignArticleInput {
  articleId: string;
  /** The article as clustering sees it; `loadClusterDocs` builds it from the stored tables when absent. */
  doc?: ClusterDoc;
  options?: ClusterOptions;
  /** Take an article already in a story out of it and assign it again (never one a user pinned). */
  force?: boolean;
}

export interface ArticleAssignment {
  articleId: string;
  storyId: string;
  /** `unchanged`: it was already in a story (a retried job, or pinned by a user), and nothing was written. */
  outcome: "assigned" | "reassigned" | "unchanged";
  created: boolean;
  /** Similarity to the story it joined; null when it started the story. */
  score: number | null;
  merged: MergeRecord[];
  /** Stories whose content changed, the article's first: their briefings are out of date. */
  touched: string[];
}

/**
 * Assigns an enriched article to its story, or starts one, merging stories the article shows to be one (their
 * articles move to the survivor, the merged ids redirect). Idempotent: an article already in a story is left
 * there unless `force`, so a retried job counts nothing twice.
 */
export async function assignArticleToStory(
  db: Database,
  input: AssignArticleInput,
): Promise<ArticleAssignment> {
  const [result] = await assignArticlesToStories(db, [input]);
  if (result instanceof StoryError) throw result;
  return result!;
}

/**
 * `assignArticleToStory` for several articles, one after another in the given order, in one transaction under
 * one taking of the story lock: the same assignments as one call each, in a fraction of the round trips (the
 * lock, the existence and membership reads and the corpus counts once per batch, not per article). An article
 * that cannot be assigned gets its StoryError in its place; a database error fails the whole batch, and nothing
 * of it is written.
 */
export async function assignArticlesToStories(
  db: Database,
  inputs: readonly AssignArticleInput[],
): Promise<Array<ArticleAssignment | StoryError>> {
  const results: Array<ArticleAssignment | StoryError | undefined> = new Array(inputs.length);
  const ids = inputs.map((input, i) => {
    try {
      return requireId(input.articleId, "articleId");
    } catch (error) {
      results[i] = error as StoryError;
      return null;
    }
  });
  const needDocs = ids.flatMap((id, i) => (id !== null && !inputs[i]!.doc ? [id] : []));
  const loaded = new Map((await loadClusterDocs(db, needDocs)).map((doc) => [doc.id, doc]));
  const docs = ids.map((id, i) => {
    if (id === null) return null;
    const doc = inputs[i]!.doc ?? loaded.get(id);
    if (!doc) results[i] = new StoryError("NOT_FOUND", `article ${id} does not exist`);
    else if (typeof doc.title !== "string" || typeof doc.text !== "string")
      results[i] = new StoryError("BAD_REQUEST", "doc needs a title and a text (strings)");
    else return doc;
    return null;
  });
  const todo = ids.flatMap((id, i) => (id !== null && docs[i] ? [i] : []));
  if (todo.length === 0) return results as Array<ArticleAssignment | StoryError>;
  const todoIds = todo.map((i) => ids[i]!);
  await db.transaction(async (tx) => {
    await lockStories(tx);
    // Holds off a concurrent delete of these articles until the assignments are committed.
    const present = new Set(
      (
        await rows<{ id: string }>(
          tx,
          sql`select id::text from articles where id = any(${sql.param(todoIds)}::uuid[]) for key share`,
        )
      ).map((r) => r.id),
    );
    const memberships = await rows<{
      article_id: string;
      story_id: string;
      score: number | null;
      pinned: boolean;
    }>(
      tx,
      sql`select article_id::text, story_id::text, score, pinned from article_stories
          where article_id = any(${sql.param(todoIds)}::uuid[])`,
    );
    const currentOf = new Map(memberships.map((m) => [m.article_id, m]));
    const corpus = new ClusterCorpus();
    for (const i of todo) {
      const articleId = ids[i]!;
      if (!present.has(articleId)) {
        results[i] = new StoryError("NOT_FOUND", `article ${articleId} does not exist`);
        continue;
      }
      const input = inputs[i]!;
      const current = currentOf.get(articleId);
      if (current && (!input.force || current.pinned)) {
        const base = { articleId, storyId: current.story_id, created: false, merged: [], touched: [] };
        results[i] = { ...base, outcome: "unchanged", score: current.score };
        continue;
      }
      const assignment = await assignOne(tx, corpus, articleId, docs[i]!, current ?? null, input);
      currentOf.set(articleId, {
        article_id: articleId,
        story_id: assignment.storyId,
        score: assignment.score,
        pinned: false,
      });
      results[i] = assignment;
    }
    await corpus.flush(tx);
  });
  return results as Array<ArticleAssignment | StoryError>;
}

/** One article's assignment inside the batch's transaction, which holds the story lock. */
async function assignOne(
  tx: Transaction,
  corpus: ClusterCorpus,
  articleId: string,
  doc: ClusterDoc,
  current: { story_id: string } | null,
  input: AssignArticleInput,
): Promise<ArticleAssignment> {
  const options = input.options ?? DEFAULT_CLUSTER_OPTIONS;
  // An article counted before is not counted again; it leaves its story, which is rebuilt without it.
  const index = new PgStoryIndex(tx, { countDocuments: !current, corpus });
  let left: { id: string; size: number } | null = null;
  if (current) {
    await tx.execute(sql`delete from article_stories where article_id = ${articleId}`);
    left = { id: current.story_id, size: await rebuildMembers(tx, index, current.story_id, options) };
  }
  const assignment = await assignArticle({ ...doc, id: articleId }, index, options);
  const score = assignment.created ? null : assignment.score;
  await tx.execute(sql`
    insert into article_stories (article_id, story_id, score, pinned)
    values (${articleId}, ${assignment.storyId}, ${score}::float8, false)`);
  if (left && left.size === 0 && left.id !== assignment.storyId) {
    const reason = `its only article ${articleId} was assigned again`;
    await redirectStory(tx, { from: left.id, into: assignment.storyId, kind: "emptied", at: null, reason });
    index.touched.add(left.id);
  }
  return {
    articleId,
    storyId: assignment.storyId,
    outcome: current ? "reassigned" : "assigned",
    created: assignment.created,
    score,
    merged: assignment.merged,
    touched: touchedFirst(assignment.storyId, index.touched),
  };
}

const touchedFirst = (first: string, touched: Iterable<string>) => [
  first,
  ...[...touched].filter((id) => id !== first),
];

/**
 * Re-summarizes a story from the articles now in it (after a move, split, re-assignment or deleted article),
 * re-indexing it under its new strongest terms. Returns its size; a story left empty has no postings, so
 * assignment never finds it.
 */
async function rebuildMembers(
  tx: Transaction,
  index: PgStoryIndex,
  storyId: string,
  options: ClusterOptions,
): Promise<number> {
  const members = await rows<{ id: string }>(
    tx,
    sql`select article_id::text as id from article_stories where story_id = ${storyId}
        order by assigned_at, article_id`,
  );
  const docs = await loadClusterDocs(
    tx,
    members.map((m) => m.id),
  );
  const { story, postings } = await rebuildStory(storyId, docs, index, options);
  await index.saveStory(story, postings);
  return story.size;
}

export interface MoveArticleInput {
  articleId: string;
  /** A story id (a merged one is followed to its story), or `new` for a story of its own. */
  toStoryId: string;
  options?: ClusterOptions;
}

export interface ArticleMove {
  articleId: string;
  fromStoryId: string;
  toStoryId: string;
  /** A new story was made for it. */
  created: boolean;
  /** It was the last article of its story, whose id now redirects to `toStoryId`. */
  emptied: boolean;
  touched: string[];
}

/** A user's move of an article to another story: pinned there, both stories rebuilt from their articles. */
export async function moveArticle(db: Database, input: MoveArticleInput): Promise<ArticleMove> {
  const articleId = requireId(input.articleId, "articleId");
  const target = input.toStoryId === "new" ? "new" : requireId(input.toStoryId, "toStoryId");
  const options = input.options ?? DEFAULT_CLUSTER_OPTIONS;
  return db.transaction(async (tx) => {
    await lockStories(tx);
    const from = await currentStory(tx, articleId);
    const index = new PgStoryIndex(tx);
    const to = target === "new" ? await index.createStory(EMPTY_STORY, []) : await requireStory(tx, target);
    if (to === from) {
      await tx.execute(sql`update article_stories set pinned = true where article_id = ${articleId}`);
      return { articleId, fromStoryId: from, toStoryId: to, created: false, emptied: false, touched: [] };
    }
    await tx.execute(sql`
      update article_stories set story_id = ${to}, pinned = true, score = null, assigned_at = now()
      where article_id = ${articleId}`);
    const emptied = (await rebuildMembers(tx, index, from, options)) === 0;
    await rebuildMembers(tx, index, to, options);
    if (emptied) {
      const reason = `its last article ${articleId} was moved to story ${to}`;
      await redirectStory(tx, { from, into: to, kind: "emptied", at: null, reason });
    }
    const touched = touchedFirst(to, [from]);
    return { articleId, fromStoryId: from, toStoryId: to, created: target === "new", emptied, touched };
  });
}

export interface SplitStoryInput {
  storyId: string;
  /** Articles of the story that make the new story; at least one must stay behind. */
  articleIds: readonly string[];
  options?: ClusterOptions;
}

export interface StorySplit {
  storyId: string;
  newStoryId: string;
  articleIds: string[];
  touched: string[];
}

/** A user's split: the given articles leave for a new story, pinned there; both stories are rebuilt. */
export async function splitStory(db: Database, input: SplitStoryInput): Promise<StorySplit> {
  const requested = requireId(input.storyId, "storyId");
  if (!Array.isArray(input.articleIds) || input.articleIds.length === 0)
    throw new StoryError("BAD_REQUEST", "articleIds must name at least one article to split off");
  const articleIds = [...new Set(input.articleIds.map((id) => requireId(id, "articleIds[]")))];
  const options = input.options ?? DEFAULT_CLUSTER_OPTIONS;
  return db.transaction(async (tx) => {
    await lockStories(tx);
    const storyId = await requireStory(tx, requested);
    const members = new Set(
      (
        await rows<{ id: string }>(
          tx,
          sql`select article_id::text as id from article_stories where story_id = ${storyId}`,
        )
      ).map((m) => m.id),
    );
    const strangers = articleIds.filter((id) => !members.has(id));
    if (strangers.length > 0)
      throw new StoryError("BAD_REQUEST", `not in story ${storyId}: ${strangers.join(", ")}`);
    if (articleIds.length === members.size)
      throw new StoryError("BAD_REQUEST", "a split must leave at least one article in the story");
    const index = new PgStoryIndex(tx);
    const newStoryId = await index.createStory(EMPTY_STORY, []);
    await tx.execute(sql`
      update article_stories set story_id = ${newStoryId}, pinned = true, score = null, assigned_at = now()
      where article_id = any(${sql.param(articleIds)}::uuid[])`);
    await rebuildMembers(tx, index, storyId, options);
    await rebuildMembers(tx, index, newStoryId, options);
    return { storyId, newStoryId, articleIds, touched: [storyId, newStoryId] };
  });
}

export interface StoryRepair {
  /** Stories rebuilt from the articles they still have. */
  rebuilt: string[];
  /** Stories that lost every article; they stay (empty, found by no assignment) so their ids still resolve. */
  emptied: string[];
}

/**
 * Brings story summaries back in line after articles were deleted (the cascade removes their memberships, not
 * their weight in the summary): for the reconciler. Finding them reads every live story's member count, so
 * run it periodically, not per article. Deleted articles' document frequencies stay counted (see cluster_terms).
 */
export async function repairStories(
  db: Database,
  { options = DEFAULT_CLUSTER_OPTIONS, limit = 100 }: { options?: ClusterOptions; limit?: number } = {},
): Promise<StoryRepair> {
  const stale = sql`
    select s.id::text as id from stories s
    where s.merged_into is null and s.size <> (select count(*) from article_stories a where a.story_id = s.id)`;
  const batch = Math.max(1, Math.floor(limit) || 1);
  const found = await rows<{ id: string }>(db, sql`${stale} order by s.revision limit ${batch}`);
  if (found.length === 0) return { rebuilt: [], emptied: [] };
  return db.transaction(async (tx) => {
    await lockStories(tx);
    // Checked again under the lock: an assignment may have rebuilt some in between.
    const ids = await rows<{ id: string }>(
      tx,
      sql`${stale} and s.id = any(${sql.param(found.map((f) => f.id))}::uuid[])`,
    );
    const index = new PgStoryIndex(tx);
    const repair: StoryRepair = { rebuilt: [], emptied: [] };
    for (const { id } of ids) {
      const size = await rebuildMembers(tx, index, id, options);
      (size === 0 ? repair.emptied : repair.rebuilt).push(id);
    }
    return repair;
  });
}

async function currentStory(tx: Transaction, articleId: string): Promise<string> {
  const [row] = await rows<{ story_id: string | null }>(
    tx,
    sql`select s.story_id::text from articles a left join article_stories s on s.article_id = a.id
        where a.id = ${articleId} for key share of a`,
  );
  if (!row) throw new StoryError("NOT_FOUND", `article ${articleId} does not exist`);
  if (!row.story_id)
    throw new StoryError(
      "BAD_REQUEST",
      `article ${articleId} is in no story yet (it has not been clustered)`,
    );
  return row.story_id;
}

async function requireStory(db: Queryable, id: string): Promise<string> {
  const resolved = await resolveStoryId(db, id);
  if (!resolved) throw new StoryError("NOT_FOUND", `story ${id} does not exist`);
  return resolved;
}

// ——— Reads ———

/** Longest redirect chain followed; merges keep chains at one step, so this only guards against a bad row. */
const MAX_REDIRECTS = 16;

/**
 * The story an id stands for now: itself, or the story it was merged into (or whose articles were moved out
 * of it). Null for an id that never was a story.
 */
export async function resolveStoryId(db: Queryable, id: string): Promise<string | null> {
  if (!isId(id)) return null;
  const [row] = await rows<{ id: string }>(
    db,
    sql`
    with recursive chain (id, next, depth, seen) as (
      select id, merged_into, 0, array[id] from stories where id = ${id}
      union all
      select s.id, s.merged_into, c.depth + 1, c.seen || s.id
      from chain c join stories s on s.id = c.next
      where c.depth < ${MAX_REDIRECTS} and not s.id = any(c.seen)
    )
    select id::text from chain order by (next is null) desc, depth desc limit 1`,
  );
  return row?.id ?? null;
}

export interface StoryArticle {
  id: string;
  title: string | null;
  url: string | null;
  source: { id: string; name: string; domain: string | null } | null;
  publishedAt: string | null;
  /** Similarity when assigned; null when it started the story or a user placed it. */
  score: number | null;
  /** A user placed it in this story. */
  pinned: boolean;
  assignedAt: string;
}

export interface StoryListItem {
  id: string;
  /** The title of its earliest article (the first report). */
  title: string | null;
  articleCount: number;
  sourceCount: number;
  /** Earliest and latest publication date of its articles. */
  firstAt: string | null;
  lastAt: string | null;
  /** Grows with every change to the story (see `story_revision_seq`). */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoryDetail extends StoryListItem {
  /** The id asked for when it redirected here (a merged story's link); null when it is this story's own. */
  redirectedFrom: string | null;
  /** Its articles, oldest first. */
  articles: StoryArticle[];
}

type ListRow = {
  id: string;
  title: string | null;
  article_count: number;
  source_count: number;
  first_at: string | null;
  last_at: string | null;
  revision: string;
  created_at: string;
  updated_at: string;
};

/** A story's list columns, from its articles as they are now (so a deleted article is never counted). */
const listColumns = sql`
  s.id::text, t.title, m.article_count, m.source_count, ${iso(sql`m.first_at`)} as first_at,
  ${iso(sql`m.last_at`)} as last_at, s.revision, ${iso(sql`s.created_at`)} as created_at,
  ${iso(sql`s.updated_at`)} as updated_at
  from stories s
  cross join lateral (
    select count(*)::int as article_count, count(distinct a.source_id)::int as source_count,
           min(a.published_at) as first_at, max(a.published_at) as last_at
    from article_stories x join articles a on a.id = x.article_id where x.story_id = s.id
  ) m
  left join lateral (
    select a.title from article_stories x join articles a on a.id = x.article_id where x.story_id = s.id
    order by a.published_at asc nulls last, x.assigned_at, a.id limit 1
  ) t on true`;

const toListItem = (r: ListRow): StoryListItem => ({
  id: r.id,
  title: r.title,
  articleCount: r.article_count,
  sourceCount: r.source_count,
  firstAt: r.first_at,
  lastAt: r.last_at,
  revision: Number(r.revision),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A story with its articles, following redirects; null when the id is no story. */
export async function getStory(
  db: Queryable,
  id: string,
  { articleLimit = 500 }: { articleLimit?: number } = {},
): Promise<StoryDetail | null> {
  const storyId = await resolveStoryId(db, id);
  if (!storyId) return null;
  const [head] = await rows<ListRow>(db, sql`select ${listColumns} where s.id = ${storyId}`);
  if (!head) return null;
  const members = await rows<{
    id: string;
    title: string | null;
    url: string | null;
    source_id: string | null;
    source_name: string | null;
    source_domain: string | null;
    published_at: string | null;
    score: number | null;
    pinned: boolean;
    assigned_at: string;
  }>(
    db,
    sql`
    select a.id::text, a.title, coalesce(a.canonical_url, a.url) as url, src.id::text as source_id,
           src.name as source_name, src.domain as source_domain, ${iso(sql`a.published_at`)} as published_at,
           x.score, x.pinned, ${iso(sql`x.assigned_at`)} as assigned_at
    from article_stories x
    join articles a on a.id = x.article_id
    left join sources src on src.id = a.source_id
    where x.story_id = ${storyId}
    order by a.published_at asc nulls last, x.assigned_at, a.id
    limit ${Math.max(1, Math.floor(articleLimit))}`,
  );
  return {
    ...toListItem(head),
    redirectedFrom: storyId === id.toLowerCase() ? null : id,
    articles: members.map((m) => ({
      id: m.id,
      title: m.title,
      url: m.url,
      source: m.source_id ? { id: m.source_id, name: m.source_name!, domain: m.source_domain } : null,
      publishedAt: m.published_at,
      score: m.score,
      pinned: m.pinned,
      assignedAt: m.assigned_at,
    })),
  };
}

export interface ListStoriesOptions {
  /** 1 to 200. */
  limit: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
  /** Only stories changed at or after this time (ISO 8601). */
  since?: string | null;
}

/**
 * Stories with articles, most recently changed first. Keyset pagination on the revision, so a page boundary
 * stays put while the worker changes stories (a story changed meanwhile moves to the top, outside the pages
 * still to read).
 */
export async function listStories(
  db: Queryable,
  options: ListStoriesOptions,
): Promise<{ stories: StoryListItem[]; nextCursor: string | null }> {
  const { limit, cursor, since } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    throw new StoryError("BAD_REQUEST", `limit must be an integer from 1 to 200, not ${limit}`);
  if (cursor != null && !/^\d{1,18}$/.test(cursor))
    throw new StoryError("BAD_REQUEST", `cursor ${JSON.stringify(cursor)} is not one this list gave`);
  if (since != null && Number.isNaN(Date.parse(since)))
    throw new StoryError("BAD_REQUEST", `since must be an ISO date-time, not ${JSON.stringify(since)}`);
  const found = await rows<ListRow>(
    db,
    sql`
    select ${listColumns}
    where s.merged_into is null and m.article_count > 0
      ${cursor != null ? sql`and s.revision < ${cursor}::bigint` : sql``}
      ${since != null ? sql`and s.updated_at >= ${new Date(since).toISOString()}::timestamptz` : sql``}
    order by s.revision desc nulls last
    limit ${limit + 1}`,
  );
  const page = found.slice(0, limit).map(toListItem);
  return { stories: page, nextCursor: found.length > limit ? String(page.at(-1)!.revision) : null };
}

export interface ArticleStory {
  articleId: string;
  storyId: string;
  score: number | null;
  pinned: boolean;
  assignedAt: string;
}

/** The story an article is in; null when it is in none (not clustered yet, or no such article). */
export async function storyOfArticle(db: Queryable, articleId: string): Promise<ArticleStory | null> {
  if (!isId(articleId)) return null;
  const [row] = await rows<{
    story_id: string;
    score: number | null;
    pinned: boolean;
    assigned_at: string;
  }>(
    db,
    sql`select story_id::text, score, pinned, ${iso(sql`assigned_at`)} as assigned_at
        from article_stories where article_id = ${articleId}`,
  );
  return row
    ? {
        articleId: articleId.toLowerCase(),
        storyId: row.story_id,
        score: row.score,
        pinned: row.pinned,
        assignedAt: row.assigned_at,
      }
    : null;
}

export interface StoryMergeEntry {
  fromId: string;
  intoId: string;
  kind: "merge" | "emptied";
  /** Publication time of the article that showed it; null when undated or done by a user. */
  at: string | null;
  reason: string;
  createdAt: string;
}

/**
 * A story's redirect history, newest first: the stories folded into it (also those folded into them before),
 * and, for an id that redirects, how it left.
 */
export async function listStoryMerges(db: Queryable, storyId: string): Promise<StoryMergeEntry[]> {
  if (!isId(storyId)) return [];
  const id = storyId.toLowerCase();
  const resolved = (await resolveStoryId(db, id)) ?? id;
  const found = await rows<{
    from_id: string;
    into_id: string;
    kind: StoryMergeEntry["kind"];
    at: string | null;
    reason: string;
    created_at: string;
  }>(
    db,
    sql`
    select m.from_id::text, m.into_id::text, m.kind, ${iso(sql`m.at`)} as at, m.reason,
           ${iso(sql`m.created_at`)} as created_at
    from story_merges m
    where m.into_id = ${resolved} or m.from_id = ${id}
       or m.from_id in (select s.id from stories s where s.merged_into = ${resolved})
    order by m.created_at desc, m.from_id`,
  );
  return found.map((m) => ({
    fromId: m.from_id,
    intoId: m.into_id,
    kind: m.kind,
    at: m.at,
    reason: m.reason,
    createdAt: m.created_at,
  }));
}
