import { createHash } from "node:crypto";
import type { SideGrouping } from "@parallax/core/compare";
import type { Genre } from "@parallax/core/schemas";
import { genreWithOutletSections } from "@parallax/core/sources";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import type { Queryable } from "./story-index";

/**
 * What a comparison reads of one stored article, short of its body and enrichment (those enter as hashes): enough
 * to say whether it can be compared and to key the cache. Everything `loadBriefingArticles` hands the comparison
 * is covered here by value or by hash, so an article that changed in any way the comparison sees changes the key.
 */
export interface ComparisonArticleState {
  id: string;
  status: string;
  duplicateOf: string | null;
  /** sha256 of the paragraphs' text; the paragraph kinds follow from `normalizerVersion`. */
  contentHash: string | null;
  normalizerVersion: number | null;
  title: string | null;
  genre: string | null;
  publishedAt: string | null;
  language: string | null;
  url: string | null;
  source: { name: string; country: string | null } | null;
  /** Null until the article is enriched. */
  enrichment: { version: number; outputHash: string; error: string | null } | null;
}

type StateRow = {
  id: string;
  status: string;
  duplicate_of: string | null;
  content_hash: string | null;
  normalizer_version: number | null;
  title: string | null;
  genre: string | null;
  published_at: string | null;
  language: string | null;
  url: string | null;
  source_name: string | null;
  source_country: string | null;
  section: string | null;
  opinion_sections: string[] | null;
  enrichment_version: number | null;
  output_hash: string | null;
  enrichment_error: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** The state of each of `articleIds` that exists, in the order asked; unknown ids are left out. */
export async function comparisonArticleStates(
  db: Queryable,
  articleIds: readonly string[],
): Promise<ComparisonArticleState[]> {
  // A malformed id is no article, rather than a failed cast.
  const ids = [...new Set(articleIds.map((id) => id.toLowerCase()))].filter((id) => UUID.test(id));
  if (ids.length === 0) return [];
  const found = await rows<StateRow>(
    db,
    sql`
    select a.id::text, a.status, a.duplicate_of::text, a.content_hash, a.normalizer_version, a.title, a.genre,
           to_char(a.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at,
           a.language, coalesce(a.canonical_url, a.url) as url, s.name as source_name, s.country as source_country,
           a.section, s.opinion_sections,
           e.version as enrichment_version, e.output_hash, e.error as enrichment_error
    from articles a
    left join sources s on s.id = a.source_id
    left join article_enrichment e on e.article_id = a.id
    where a.id = any(${sql.param(ids)}::uuid[])`,
  );
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        status: r.status,
        duplicateOf: r.duplicate_of,
        contentHash: r.content_hash,
        normalizerVersion: r.normalizer_version,
        title: r.title,
        // As loadBriefingArticles reads it, so the cache key changes when an outlet's opinion sections do.
        genre: genreWithOutletSections(r.genre as Genre | null, r, r.opinion_sections ?? []) ?? null,
        publishedAt: r.published_at,
        language: r.language,
        url: r.url,
        source: r.source_name ? { name: r.source_name, country: r.source_country } : null,
        enrichment:
          r.enrichment_version === null || r.output_hash === null
            ? null
            : { version: r.enrichment_version, outputHash: r.output_hash, error: r.enrichment_error },
      },
    ];
  });
}

/** Why an article cannot be compared yet (or at all); null when it is readable and enriched. */
export function notComparableReason(state: ComparisonArticleState): string | null {
  switch (state.status) {
    case "queued":
    case "processing":
      return "still being processed";
    case "failed":
      return "could not be processed";
    case "duplicate":
      return state.duplicateOf ? `a copy of article ${state.duplicateOf}` : "a copy of another article";
    case "ready":
      if (!state.enrichment) return "not enriched yet";
      if (state.enrichment.error) return "its enrichment failed";
      return null;
    default:
      return `in state ${state.status}`;
  }
}

/** The grouping in one spelling: label maps with their entries sorted, so `{a, b}` and `{b, a}` key alike. */
function canonicalGrouping(grouping: SideGrouping): unknown {
  if (typeof grouping === "string") return grouping;
  return {
    labels: Object.entries(grouping.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

/**
 * The cache key of a comparison: sha256 over the engine version, the grouping and, for each article in id
 * order, everything of it the comparison reads (text and enrichment by hash). The articles' order does not
 * enter: whoever computes the comparison must put them in an order that follows from this input alone.
 */
export function comparisonKey(input: {
  version: number;
  grouping: SideGrouping;
  articles: readonly ComparisonArticleState[];
}): string {
  const articles = [...input.articles]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((a) => [
      a.id,
      a.contentHash,
      a.normalizerVersion,
      a.enrichment?.version ?? null,
      a.enrichment?.outputHash ?? null,
      a.title,
      a.genre,
      a.publishedAt,
      a.language,
      a.url,
      a.source?.name ?? null,
      a.source?.country ?? null,
    ]);
  return createHash("sha256")
    .update(JSON.stringify(["comparison", input.version, canonicalGrouping(input.grouping), articles]))
    .digest("hex");
}

export interface CachedComparison {
  key: string;
  version: number;
  /** As stored; parse it with `zComparison` before use (an older format may be waiting in the table). */
  content: unknown;
  builtAt: string;
}

const builtAt = sql`to_char(built_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as built_at`;

/** The cached comparison under `key`, marked as used now; null when there is none. */
export async function getCachedComparison(db: Queryable, key: string): Promise<CachedComparison | null> {
  const [row] = await rows<{ key: string; version: number; content: unknown; built_at: string }>(
    db,
    sql`update comparisons set used_at = now() where key = ${key}
        returning key, version, content, ${builtAt}`,
  );
  return row ? { key: row.key, version: row.version, content: row.content, builtAt: row.built_at } : null;
}

/** Stores (or replaces) the comparison under `key`; returns when it counts as built. */
export async function putCachedComparison(
  db: Queryable,
  entry: { key: string; version: number; articleIds: readonly string[]; content: unknown },
): Promise<{ builtAt: string }> {
  const [row] = await rows<{ built_at: string }>(
    db,
    sql`insert into comparisons (key, version, article_ids, content)
        values (${entry.key}, ${entry.version}, ${sql.param([...entry.articleIds])}::uuid[],
                ${JSON.stringify(entry.content)}::jsonb)
        on conflict (key) do update
          set version = excluded.version, article_ids = excluded.article_ids, content = excluded.content,
              built_at = now(), used_at = now()
        returning ${builtAt}`,
  );
  return { builtAt: row!.built_at };
}

export interface PruneComparisonsOptions {
  /** Rows kept, most recently used first. */
  keep?: number;
  /** Rows not used for this long go whatever their number. */
  maxAgeDays?: number;
}

/**
 * A comparison of ten articles is a few hundred kilobytes of JSON and recomputing one takes about a second,
 * so a few hundred recent ones are worth their space and older ones are not.
 */
export const DEFAULT_COMPARISON_CACHE = { keep: 200, maxAgeDays: 30 } as const;

/** Deletes all but the `keep` most recently used comparisons, and any unused for `maxAgeDays`; returns how many. */
export async function pruneComparisons(db: Database, options: PruneComparisonsOptions = {}): Promise<number> {
  const keep = Math.max(0, Math.floor(options.keep ?? DEFAULT_COMPARISON_CACHE.keep));
  const maxAgeDays = Math.max(0, options.maxAgeDays ?? DEFAULT_COMPARISON_CACHE.maxAgeDays);
  const result = await db.execute(sql`
    delete from comparisons
    where used_at < now() - make_interval(secs => ${maxAgeDays * 86_400})
       or key in (select key from comparisons order by used_at desc, key offset ${keep})`);
  return result.rowCount ?? 0;
}
