import {
  excludedTerms,
  hasCjk,
  MARK_END,
  MARK_START,
  prepareSearchQuery,
  SEARCH_PAGE_SIZE,
  type SearchFilters,
  type SearchHit,
  type SearchResult,
  segmentForSearch,
  snippetParts,
} from "@parallax/core";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";

export interface SearchOptions extends SearchFilters {
  q: string;
  page?: number;
  /** Statement timeout of the matching query; `SEARCH_TIMEOUT_MS` unless given. */
  timeoutMs?: number;
}

const FACET_LIMIT = 12;
const SNIPPETS_PER_ARTICLE = 3;
const ENTITY_LIMIT = 6;
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
// Postgres' ARE character class for the same scripts as core's CJK test (kana, CJK ideographs, Hangul).
const CJK_SQL_CLASS = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]";

/** The query in 'simple' OR 'english' form (see 0005_search.sql); once when both read the same ("Trump"). */
function bothConfigurations(text: string): SQL {
  return sql`(select case when s::text = e::text then s else s || e end
              from websearch_to_tsquery('simple', ${text}) s, websearch_to_tsquery('english', ${text}) e)`;
}

/**
 * A search Postgres could not finish within `SEARCH_TIMEOUT_MS`: a query of only very common words ("the OR
 * and OR of") on a large corpus. The API answers it as a bad request with this message.
 */
export class SearchTooBroadError extends Error {
  constructor() {
    super("This search matches too much text to rank in time: add a less common word, a phrase or a filter.");
    this.name = "SearchTooBroadError";
  }
}

/** Bound on the matching and counting statement; normal searches take 5–50 ms on 100k paragraphs. */
export const SEARCH_TIMEOUT_MS = 3_000;

async function rows<T>(db: Pick<Database, "execute">, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

function emptyResult(query: string, page: number): SearchResult {
  return {
    query,
    total: 0,
    page,
    pageSize: SEARCH_PAGE_SIZE,
    pageCount: 0,
    tookMs: 0,
    hits: [],
    entities: [],
    facets: { outlets: [], countries: [], languages: [], stories: [] },
  };
}

function filterClause(filters: SearchFilters): SQL {
  const parts: SQL[] = [sql`a.status = 'ready'`];
  if (filters.sourceId) parts.push(sql`a.source_id = ${filters.sourceId}::uuid`);
  if (filters.country) parts.push(sql`s.country = ${filters.country}`);
  if (filters.language) parts.push(sql`lower(a.language) = lower(${filters.language})`);
  if (filters.from)
    parts.push(
      sql`coalesce(a.published_at, a.created_at) >= (${filters.from}::date)::timestamp at time zone 'UTC'`,
    );
  if (filters.to)
    parts.push(
      sql`coalesce(a.published_at, a.created_at) < (${filters.to}::date + 1)::timestamp at time zone 'UTC'`,
    );
  if (filters.storyId)
    parts.push(
      sql`exists (select 1 from article_stories x where x.article_id = a.id and x.story_id = ${filters.storyId}::uuid)`,
    );
  return sql.join(parts, sql` and `);
}

interface Summary {
  total: number;
  page: Array<{ id: string; score: number }>;
  outlets: Array<{ value: string; label: string; count: number }> | null;
  countries: Array<{ value: string; label: string; count: number }> | null;
  languages: Array<{ value: string; label: string; count: number }> | null;
  stories: Array<{ value: string; label: string; count: number }> | null;
}

/**
 * Full-text search over article titles and paragraphs, one hit per article with its best paragraphs, plus the
 * entities whose names match and facet counts over the filtered matches. `websearch_to_tsquery` never throws on
 * syntax; a query with no positive word ("-china", "or") matches nothing instead of every row.
 */
export async function searchArticles(db: Database, options: SearchOptions): Promise<SearchResult> {
  const query = prepareSearchQuery(options.q);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  if (!query) return emptyResult(query, page);
  const started = performance.now();

  // The tsquery is built once and passed back as a constant, so the planner can estimate it against the GIN index.
  const excluded = excludedTerms(query);
  const [parsed] = await rows<{ tsq: string; indexable: boolean; neg: string | null }>(
    db,
    sql`select q::text as tsq, numnode(q) > 0 and querytree(q) <> 'T' as indexable,
               case when numnode(n) > 0 then n::text end as neg
        from (select ${bothConfigurations(query)} as q, ${bothConfigurations(excluded)} as n) t`,
  );
  if (!parsed?.indexable) return { ...emptyResult(query, page), tookMs: performance.now() - started };
  const tsq = sql`${parsed.tsq}::tsquery`;
  // Exclusion holds for the whole article: no paragraph and not the title may have an excluded word.
  const exclusion = parsed.neg
    ? sql` and not (a.search_vector @@ ${parsed.neg}::tsquery) and not exists (
          select 1 from paragraphs np where np.article_id = a.id and np.search_vector @@ ${parsed.neg}::tsquery)`
    : sql``;

  const [summary] = await withTimeout(db, options.timeoutMs ?? SEARCH_TIMEOUT_MS, (tx) =>
    rows<Summary>(
      tx,
      // Body score without ts_rank: ranking every matching paragraph of a common word cost more than the rest of
      // the search together (5,000 paragraphs for "Trump" in the benchmark). Matches are counted instead, headings
      // (weight B) counting double, on a log scale of the size of one weight-D ts_rank; titles keep their ts_rank
      // (weight A), so a title match still outranks any body.
      sql`with body as (
          select p.article_id,
                 0.06 * ln(1 + count(*) + count(*) filter (where p.kind = 'heading')) as rank
          from paragraphs p where p.search_vector @@ ${tsq} group by p.article_id
        ), head as (
          select a.id as article_id, ts_rank(a.search_vector, ${tsq}) as rank
          from articles a where a.search_vector @@ ${tsq}
        ), hits as materialized (
          select a.id, coalesce(h.rank, 0) + coalesce(b.rank, 0) as score, a.source_id, lower(a.language) as language,
                 coalesce(s.name, s.domain) as outlet, s.country, coalesce(a.published_at, a.created_at) as at
          from body b full join head h on h.article_id = b.article_id
          join articles a on a.id = coalesce(b.article_id, h.article_id)
          left join sources s on s.id = a.source_id
          where ${filterClause(options)}${exclusion}
        )
        select
          (select count(*)::int from hits) as total,
          (select coalesce(json_agg(x), '[]') from (
             select id::text as id, score from hits order by score desc, at desc, id
             limit ${SEARCH_PAGE_SIZE} offset ${(page - 1) * SEARCH_PAGE_SIZE}) x) as page,
          (select json_agg(x) from (
             select source_id::text as value, min(outlet) as label, count(*)::int as count from hits
             where source_id is not null group by source_id order by count desc, label limit ${FACET_LIMIT}) x) as outlets,
          (select json_agg(x) from (
             select country as value, country as label, count(*)::int as count from hits
             where country is not null group by country order by count desc, country limit ${FACET_LIMIT}) x) as countries,
          (select json_agg(x) from (
             select language as value, language as label, count(*)::int as count from hits
             where language is not null group by language order by count desc, language limit ${FACET_LIMIT}) x) as languages,
          (select json_agg(x) from (
             select f.story_id::text as value, coalesce((
                 select a.title from article_stories y join articles a on a.id = y.article_id
                 where y.story_id = f.story_id order by coalesce(a.published_at, a.created_at), a.id limit 1
               ), 'Untitled story') as label, f.count
             from (select x.story_id, count(*)::int as count from hits join article_stories x on x.article_id = hits.id
                   group by x.story_id order by count desc, x.story_id limit ${FACET_LIMIT}) f
             order by f.count desc, f.story_id) x) as stories`,
    ),
  );

  const pageIds = summary?.page.map((p) => p.id) ?? [];
  const [details, entities] = await Promise.all([
    pageIds.length === 0 ? Promise.resolve([]) : pageDetails(db, pageIds, tsq),
    matchingEntities(db, tsq, query),
  ]);
  const tookMs = performance.now() - started;

  const byId = new Map(details.map((d) => [d.id, d]));
  const hits: SearchHit[] = [];
  for (const { id, score } of summary?.page ?? []) {
    const d = byId.get(id);
    if (!d) continue;
    hits.push({
      articleId: id,
      title: d.title_hl === null ? null : snippetParts(d.title_hl),
      url: d.url,
      sourceName: d.source_name,
      domain: d.domain,
      country: d.country,
      language: d.language,
      publishedAt: d.published_at,
      score,
      snippets: (d.snippets ?? []).map((s) => ({ n: s.n, parts: snippetParts(s.h) })),
    });
  }
  const total = summary?.total ?? 0;
  return {
    query,
    total,
    page,
    pageSize: SEARCH_PAGE_SIZE,
    pageCount: Math.ceil(total / SEARCH_PAGE_SIZE),
    tookMs: Math.round(tookMs * 100) / 100,
    hits,
    entities,
    facets: {
      outlets: summary?.outlets ?? [],
      countries: summary?.countries ?? [],
      languages: summary?.languages ?? [],
      stories: summary?.stories ?? [],
    },
  };
}

/** Runs the statement with a statement timeout of its own, reporting a timeout as `SearchTooBroadError`. */
async function withTimeout<T>(
  db: Database,
  timeoutMs: number,
  run: (tx: Pick<Database, "execute">) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`));
      return run(tx);
    });
  } catch (error) {
    // 57014 query_canceled: the statement timeout fired (drizzle may wrap the driver's error).
    const { code, cause } = error as { code?: unknown; cause?: { code?: unknown } };
    if (code === "57014" || cause?.code === "57014") throw new SearchTooBroadError();
    throw error;
  }
}

interface PageRow {
  id: string;
  title_hl: string | null;
  url: string | null;
  source_name: string | null;
  domain: string | null;
  country: string | null;
  language: string | null;
  published_at: string | null;
  snippets: Array<{ n: number; h: string }> | null;
}

/** Titles and snippets for one page only: `ts_headline` re-parses the text, so it runs on ~60 paragraphs, not all. */
function pageDetails(db: Database, ids: string[], tsq: SQL): Promise<PageRow[]> {
  return rows<PageRow>(
    db,
    sql`select a.id::text as id, coalesce(a.canonical_url, a.url) as url, s.name as source_name, s.domain, s.country,
          a.language,
          to_char(a.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at,
          case when a.title is null then null
               else ts_headline('english', coalesce(a.search_title, a.title), ${tsq}, ${TITLE_HEADLINE}) end as title_hl,
          (select json_agg(json_build_object('n', best.n,
                    'h', ts_headline('english', coalesce(best.search_text, best.text), ${tsq}, ${HEADLINE}))
                  order by best.rank desc, best.n)
           -- offset 0 keeps the planner on the article's own rows: ANDing with the GIN index would read the
           -- posting list of every query word once per article (measured: ~1.3 ms each on 100k paragraphs).
           from (select p.n, p.text, p.search_text, ts_rank(p.search_vector, ${tsq}) as rank
                 from (select * from paragraphs where article_id = a.id offset 0) p
                 where p.search_vector @@ ${tsq}
                 order by rank desc, p.n limit ${SNIPPETS_PER_ARTICLE}) best) as snippets
        from articles a left join sources s on s.id = a.source_id
        where a.id = any(${sql.param(ids)}::uuid[])`,
  );
}

/**
 * Entities whose name matches. Names are few, so they are vectorized at query time; CJK names are one "word" to
 * Postgres ("高市早苗"), so a CJK query also matches them by substring.
 */
async function matchingEntities(db: Database, tsq: SQL, query: string): Promise<SearchResult["entities"]> {
  const cjkWords = hasCjk(query)
    ? query
        .replace(/["()]|(?:^|\s)-\S*|\bOR\b/g, " ")
        .replace(/\s+/g, "")
        .replace(/[\\%_]/g, (c) => `\\${c}`)
    : "";
  const byName = cjkWords ? sql`or e.name ilike ${`%${cjkWords}%`}` : sql``;
  const found = await rows<{ slug: string; name: string; type: string; article_count: number }>(
    db,
    sql`select e.slug, e.name, e.type, (select count(*)::int from article_entities ae where ae.slug = e.slug) as article_count
        from entities e
        where to_tsvector('simple', e.name) @@ ${tsq} ${byName}
        order by article_count desc, e.name limit ${ENTITY_LIMIT}`,
  );
  return found.map((e) => ({ slug: e.slug, name: e.name, type: e.type, articleCount: e.article_count }));
}

/**
 * Segments the CJK text of rows stored before the search index existed (or written by code that does not
 * segment). Called by the worker at start; returns how many rows it filled. A row is done once `search_text` /
 * `search_title` is set, so each start only looks at rows still missing it.
 */
export async function fillSearchText(db: Database, batch = 500): Promise<number> {
  let filled = 0;
  for (;;) {
    const found = await rows<{ article_id: string; n: number; text: string }>(
      db,
      sql`select article_id::text, n, text from paragraphs
          where search_text is null and text ~ ${CJK_SQL_CLASS} limit ${batch}`,
    );
    if (found.length === 0) break;
    const values = found.map((r) => ({ ...r, searchText: segmentForSearch(r.text) ?? r.text }));
    await db.execute(
      sql`update paragraphs p set search_text = v.search_text
          from jsonb_to_recordset(${JSON.stringify(values.map((v) => ({ article_id: v.article_id, n: v.n, search_text: v.searchText })))}::jsonb)
            as v(article_id uuid, n int, search_text text)
          where p.article_id = v.article_id and p.n = v.n`,
    );
    filled += found.length;
  }
  for (;;) {
    const found = await rows<{ id: string; title: string }>(
      db,
      sql`select id::text, title from articles where search_title is null and title ~ ${CJK_SQL_CLASS} limit ${batch}`,
    );
    if (found.length === 0) break;
    const values = found.map((r) => ({ id: r.id, search_title: segmentForSearch(r.title) ?? r.title }));
    await db.execute(
      sql`update articles a set search_title = v.search_title
          from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, search_title text)
          where a.id = v.id`,
    );
    filled += found.length;
  }
  return filled;
}
