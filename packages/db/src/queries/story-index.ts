import type { Enrichment, Paragraph } from "@parallax/core";
import {
  articleClusterDoc,
  type CandidateQuery,
  type ClusterDoc,
  type CorpusStats,
  type MergeRecord,
  type NewStory,
  type StoryIndex,
  type StorySummary,
} from "@parallax/core/cluster";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import type { Transaction } from "./pipeline";

/** A pool or a transaction: read queries and `loadClusterDocs` take either. */
export type Queryable = Database | Transaction;

/**
 * Key of the transaction-scoped advisory lock every clustering write takes: the engine assumes one writer (an
 * assignment reads stories, decides, then writes them), so workers in several processes take turns here. Other
 * users of advisory locks: 7253104 (migrations).
 */
export const STORY_LOCK_KEY = 7253105;

/** Waits for the story lock; held until the transaction ends. */
export async function lockStories(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${STORY_LOCK_KEY})`);
}

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return result.rows as T[];
}

/** Epoch milliseconds of a timestamptz column, exact (the driver hands timestamps over as text). */
const epochMs = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`;
const timestamptz = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

export interface PgStoryIndexOptions {
  /**
   * False when the article being assigned was counted before (a forced re-assignment): `addDocument` then
   * leaves the corpus statistics alone, so retries and re-assignments never count an article twice.
   */
  countDocuments?: boolean;
  /** Makes new story ids (UUIDs); the database's random ones when absent. */
  newStoryId?: () => string;
  /** Shared by the indexes of one transaction's assignments (a batch); one of its own when absent. */
  corpus?: ClusterCorpus;
}

/**
 * Corpus statistics (documents, total length, each term's document frequency) as one transaction sees them:
 * read once, counted here as documents are added and written by `flush` in one statement. The story lock makes
 * that transaction their only writer, so what this holds is exact; it saves three statements per assignment
 * under the lock (a write, then two reads of what was just written).
 */
export class ClusterCorpus {
  private counts: CorpusStats | null = null;
  private readonly df = new Map<string, number>();
  private readonly pendingTerms = new Map<string, number>();
  private pendingDocuments = 0;
  private pendingLength = 0;

  async stats(tx: Transaction): Promise<CorpusStats> {
    if (!this.counts) {
      const [row] = await rows<{ documents: number; total_length: number }>(
        tx,
        sql`select documents, total_length from cluster_corpus where id = 1`,
      );
      this.counts = { documents: row?.documents ?? 0, totalLength: row?.total_length ?? 0 };
    }
    return { ...this.counts };
  }

  async documentFrequencies(tx: Transaction, terms: readonly string[]): Promise<Map<string, number>> {
    const missing = [...new Set(terms)].filter((term) => !this.df.has(term));
    if (missing.length > 0) {
      const found = await rows<{ term: string; df: number }>(
        tx,
        sql`select term, df from cluster_terms where term = any(${textArray(missing)})`,
      );
      const stored = new Map(found.map(({ term, df }) => [term, df]));
      for (const term of missing)
        this.df.set(term, (stored.get(term) ?? 0) + (this.pendingTerms.get(term) ?? 0));
    }
    return new Map(terms.map((term) => [term, this.df.get(term)!]));
  }

  async addDocument(tx: Transaction, terms: readonly string[], length: number): Promise<void> {
    await this.stats(tx);
    this.counts!.documents++;
    this.counts!.totalLength += length;
    this.pendingDocuments++;
    this.pendingLength += length;
    for (const term of new Set(terms)) {
      this.pendingTerms.set(term, (this.pendingTerms.get(term) ?? 0) + 1);
      const known = this.df.get(term);
      if (known !== undefined) this.df.set(term, known + 1);
    }
  }

  async flush(tx: Transaction): Promise<void> {
    if (this.pendingDocuments === 0) return;
    // Sorted, so that any other writer of these rows (there should be none: the story lock) locks them in the
    // same order and cannot deadlock with us.
    const terms = [...this.pendingTerms.keys()].sort();
    await tx.execute(sql`
      with corpus as (
        insert into cluster_corpus (id, documents, total_length)
        values (1, ${this.pendingDocuments}, ${this.pendingLength}::float8)
        on conflict (id) do update
          set documents = cluster_corpus.documents + excluded.documents,
              total_length = cluster_corpus.total_length + excluded.total_length
      )
      insert into cluster_terms (term, df)
      select term, n from unnest(${textArray(terms)}, ${sql.param(terms.map((t) => this.pendingTerms.get(t)!))}::int[])
        as t(term, n) order by term
      on conflict (term) do update set df = cluster_terms.df + excluded.df`);
    this.pendingTerms.clear();
    this.pendingDocuments = 0;
    this.pendingLength = 0;
  }
}

/**
 * `StoryIndex` in PostgreSQL, inside the caller's transaction, which must hold the story lock (`lockStories`).
 * Each call is one statement, and reads are bounded the way `MemoryStoryIndex`'s are: `candidates` reads at
 * most `perTerm` postings per query term through `story_postings_term_seq_idx`. `MemoryStoryIndex` also drops
 * postings beyond the 200 most recent per term; reading only the newest `perTerm` (50) makes that cap invisible
 * to assignment, so here postings stay until their story changes (at most `postingTerms` rows per live story).
 *
 * Gives the same assignments as `MemoryStoryIndex` for the same articles (see story-index.int.test.ts): weights
 * and statistics round-trip exactly (float8, jsonb numerics), shared weights are summed in query order in
 * JavaScript, and ties are broken by story id as there.
 */
export class PgStoryIndex implements StoryIndex {
  /** Stories created, saved or merged away through this index, in order: what a briefing may need to redo. */
  readonly touched = new Set<string>();
  readonly merges: MergeRecord[] = [];
  /** Postings read per `candidates` call, for tests and measurements of the bound. */
  readonly calls = { candidates: 0, postingsRead: 0, storiesLoaded: 0 };

  private readonly corpus: ClusterCorpus;

  constructor(
    private readonly tx: Transaction,
    private readonly options: PgStoryIndexOptions = {},
  ) {
    this.corpus = options.corpus ?? new ClusterCorpus();
  }

  async stats(): Promise<CorpusStats> {
    return this.corpus.stats(this.tx);
  }

  async documentFrequencies(terms: readonly string[]): Promise<Map<string, number>> {
    return this.corpus.documentFrequencies(this.tx, terms);
  }

  async addDocument(terms: readonly string[], length: number): Promise<void> {
    if (this.options.countDocuments === false) return;
    await this.corpus.addDocument(this.tx, terms, length);
  }

  /** Writes the corpus counts of the documents added; the transaction must call it before it commits. */
  async flush(): Promise<void> {
    await this.corpus.flush(this.tx);
  }

  async candidates(query: CandidateQuery): Promise<string[]> {
    this.calls.candidates++;
    if (query.terms.length === 0 || query.perTerm <= 0 || query.limit <= 0) return [];
    const found = await rows<{ id: string; ords: number[] }>(
      this.tx,
      sql`
      select p.story_id::text as id, array_agg(q.ord::int order by q.ord) as ords
      from unnest(${textArray(query.terms.map((t) => t.term))}) with ordinality as q(term, ord)
      cross join lateral (
        select sp.story_id, sp.last_at from story_postings sp
        where sp.term = q.term
        order by sp.seq desc nulls last
        limit ${Math.floor(query.perTerm)}
      ) p
      where ${timestamptz(query.since)}::timestamptz is null
         or p.last_at is null
         or p.last_at >= ${timestamptz(query.since)}::timestamptz
      group by p.story_id`,
    );
    // Summed here in query order, as MemoryStoryIndex sums: float addition is not associative, and a tie
    // decided by the last bit would pick other candidates.
    const shared: Array<[string, number]> = found.map(({ id, ords }) => {
      this.calls.postingsRead += ords.length;
      let weight = 0;
      for (const ord of ords) weight += query.terms[ord - 1]!.weight;
      return [id, weight];
    });
    return shared
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, query.limit)
      .map(([id]) => id);
  }

  async loadStories(ids: readonly string[]): Promise<StorySummary[]> {
    this.calls.storiesLoaded += ids.length;
    if (ids.length === 0) return [];
    const found = await rows<{
      id: string;
      size: number;
      first_ms: number | null;
      last_ms: number | null;
      terms: StorySummary["terms"];
      norm: number;
      norm_documents: number;
    }>(
      this.tx,
      sql`
      select id::text, size, ${epochMs(sql`first_at`)} as first_ms, ${epochMs(sql`last_at`)} as last_ms,
             terms, norm, norm_documents
      from stories
      where id = any(${sql.param([...ids])}::uuid[]) and merged_into is null`,
    );
    const byId = new Map(found.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const story: StorySummary = {
        id: r.id,
        size: r.size,
        firstAt: r.first_ms,
        lastAt: r.last_ms,
        terms: r.terms,
        norm: r.norm,
        normDocuments: r.norm_documents,
      };
      return [story];
    });
  }

  async createStory(story: NewStory, postings: readonly string[]): Promise<string> {
    const id = this.options.newStoryId?.() ?? null;
    const [created] = await rows<{ id: string }>(
      this.tx,
      sql`
      with s as (
        insert into stories (id, size, first_at, last_at, terms, norm, norm_documents)
        values (coalesce(${id}::uuid, gen_random_uuid()), ${story.size}, ${timestamptz(story.firstAt)}::timestamptz,
                ${timestamptz(story.lastAt)}::timestamptz, ${JSON.stringify(story.terms)}::jsonb,
                ${story.norm}::float8, ${story.normDocuments})
        returning id, revision, last_at
      ), p as (
        insert into story_postings (story_id, term, seq, last_at)
        select s.id, t.term, s.revision, s.last_at from s, unnest(${textArray([...new Set(postings)])}) as t(term)
      )
      select id::text from s`,
    );
    this.touched.add(created!.id);
    return created!.id;
  }

  async saveStory(story: StorySummary, postings: readonly string[]): Promise<void> {
    const terms = textArray([...new Set(postings)]);
    // The delete and the upsert touch disjoint rows (terms dropped / terms kept or added), which one
    // statement may do; the story's new revision orders its postings as the most recently saved.
    const saved = await rows<{ id: string }>(
      this.tx,
      sql`
      with s as (
        update stories set size = ${story.size}, first_at = ${timestamptz(story.firstAt)}::timestamptz,
          last_at = ${timestamptz(story.lastAt)}::timestamptz, terms = ${JSON.stringify(story.terms)}::jsonb,
          norm = ${story.norm}::float8, norm_documents = ${story.normDocuments},
          revision = nextval('story_revision_seq'), updated_at = now()
        where id = ${story.id}::uuid
        returning id, revision, last_at
      ), dropped as (
        delete from story_postings where story_id = ${story.id}::uuid and term <> all(${terms})
      ), kept as (
        insert into story_postings (story_id, term, seq, last_at)
        select s.id, t.term, s.revision, s.last_at from s, unnest(${terms}) as t(term)
        on conflict (story_id, term) do update set seq = excluded.seq, last_at = excluded.last_at
      )
      select id::text from s`,
    );
    if (saved.length === 0) throw new Error(`story ${story.id} does not exist`);
    this.touched.add(story.id);
  }

  async recordMerge(merge: MergeRecord): Promise<void> {
    await redirectStory(this.tx, { ...merge, kind: "merge" });
    this.merges.push(merge);
    this.touched.add(merge.from);
    this.touched.add(merge.into);
  }
}

/**
 * Folds story `from` into `into`: its articles move, its postings go, its id redirects (and so do the ids that
 * redirected to it, so a chain never forms), and the redirect is recorded. `into` must be a live story.
 */
export async function redirectStory(
  tx: Transaction,
  merge: MergeRecord & { kind: "merge" | "emptied" },
): Promise<void> {
  await tx.execute(sql`
    with f as (
      update stories set merged_into = ${merge.into}::uuid, size = 0, terms = '[]'::jsonb, norm = 0,
        revision = nextval('story_revision_seq'), updated_at = now()
      where id = ${merge.from}::uuid
    ), chained as (
      update stories set merged_into = ${merge.into}::uuid where merged_into = ${merge.from}::uuid
    ), postings as (
      delete from story_postings where story_id = ${merge.from}::uuid
    ), members as (
      update article_stories set story_id = ${merge.into}::uuid where story_id = ${merge.from}::uuid
    )
    insert into story_merges (from_id, into_id, kind, at, reason)
    values (${merge.from}::uuid, ${merge.into}::uuid, ${merge.kind}, ${merge.at}::timestamptz, ${merge.reason})`);
}

/**
 * Runs queries one after another. Given a transaction, every query goes to its one connection, which takes one
 * query at a time (node-postgres queues the rest with a deprecation warning today and will refuse them).
 */
async function inOrder<T extends readonly (() => Promise<unknown>)[] | []>(
  queries: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = [];
  for (const query of queries) out.push(await query());
  return out as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

/**
 * The clustering input of stored articles, made by core's `articleClusterDoc` from the title, paragraphs,
 * publication time, language and the entities, figures and exact dates enrichment stored. Five queries
 * whatever the number of articles; articles that do not exist are left out. `assignArticleToStory` builds its
 * input here when given none, so a story rebuilt after a move sees its articles exactly as assignment saw them.
 */
export async function loadClusterDocs(db: Queryable, articleIds: readonly string[]): Promise<ClusterDoc[]> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return [];
  const param = sql`${sql.param(ids)}::uuid[]`;
  const [heads, bodies, entityRows, figureRows, timeRows] = await inOrder([
    () =>
      rows<{ id: string; title: string | null; published: string | null; language: string | null }>(
        db,
        sql`select a.id::text, a.title, to_char(a.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published,
                 coalesce(a.language, e.language) as language
          from articles a left join article_enrichment e on e.article_id = a.id
          where a.id = any(${param})`,
      ),
    () =>
      rows<{ id: string; kind: Paragraph["kind"]; text: string }>(
        db,
        sql`select article_id::text as id, kind, text from paragraphs
          where article_id = any(${param}) order by article_id, n`,
      ),
    () =>
      rows<{ id: string; slug: string; mentions: number }>(
        db,
        sql`select article_id::text as id, slug, mentions from article_entities
          where article_id = any(${param}) order by article_id, slug`,
      ),
    () =>
      rows<{ id: string; kind: string; value: number; unit: string | null }>(
        db,
        sql`select article_id::text as id, kind, value, unit from figures
          where article_id = any(${param}) order by article_id, paragraph, start`,
      ),
    () =>
      rows<{ id: string; type: string; value: string }>(
        db,
        sql`select article_id::text as id, type, value from time_expressions
          where article_id = any(${param}) order by article_id, paragraph, start`,
      ),
  ]);
  const group = <T extends { id: string }>(list: T[]) => {
    const out = new Map<string, T[]>();
    for (const item of list) {
      const items = out.get(item.id);
      if (items) items.push(item);
      else out.set(item.id, [item]);
    }
    return out;
  };
  const paragraphsOf = group(bodies);
  const entitiesOf = group(entityRows);
  const figuresOf = group(figureRows);
  const timesOf = group(timeRows);
  const byId = new Map(heads.map((h) => [h.id, h]));
  return ids.flatMap((id) => {
    const head = byId.get(id);
    if (!head) return [];
    // clusterInput reads only these fields of the enrichment; the rest of each item is not stored per row here.
    const enrichment = {
      entities: entitiesOf.get(id) ?? [],
      figures: figuresOf.get(id) ?? [],
      times: timesOf.get(id) ?? [],
    } as unknown as Pick<Enrichment, "entities" | "figures" | "times">;
    const article = {
      title: head.title ?? "",
      paragraphs: paragraphsOf.get(id) ?? [],
      publishedAt: head.published,
      language: head.language,
    };
    return [articleClusterDoc(id, article, enrichment)];
  });
}
