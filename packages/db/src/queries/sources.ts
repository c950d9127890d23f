import type { Outlet, SourceSettings } from "@parallax/core";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import type { Queryable } from "./story-index";

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface OutletRow {
  id: string;
  name: string;
  domain: string | null;
  country: string | null;
  country_source: string | null;
  perspective: string | null;
  opinion_sections: string[] | null;
  languages: string[] | null;
  article_count: number;
  latest_article_at: string | null;
  updated_at: string;
}

function toOutlet(row: OutletRow): Outlet {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    country: row.country,
    countrySource:
      row.country_source === "admin" || row.country_source === "inferred" ? row.country_source : null,
    perspective: row.perspective,
    opinionSections: row.opinion_sections ?? [],
    languages: row.languages ?? [],
    articleCount: row.article_count,
    latestArticleAt: row.latest_article_at,
    updatedAt: row.updated_at,
  };
}

/** Duplicates are copies of another article, not more of the outlet's reporting. */
const outletSelect = sql`
  select s.id::text, s.name, s.domain, s.country, s.country_source, s.perspective, s.opinion_sections,
         ${iso(sql`s.updated_at`)} as updated_at,
         coalesce(a.n, 0)::int as article_count, ${iso(sql`a.latest`)} as latest_article_at,
         l.languages
  from sources s
  left join lateral (
    select count(*) as n, max(coalesce(x.published_at, x.created_at)) as latest
    from articles x where x.source_id = s.id and x.status <> 'duplicate'
  ) a on true
  left join lateral (
    select array_agg(y.language order by y.n desc, y.language) as languages
    from (select language, count(*) as n from articles
          where source_id = s.id and language is not null and status <> 'duplicate' group by language) y
  ) l on true`;

export interface ListOutletsOptions {
  /** 1 to 200. */
  limit: number;
  offset: number;
}

/** Outlets with their settings and what is stored of them, most articles first. */
export async function listOutlets(
  db: Database,
  { limit, offset }: ListOutletsOptions,
): Promise<{ items: Outlet[]; total: number }> {
  const safeLimit = Math.min(200, Math.max(1, Math.floor(limit)));
  const safeOffset = Math.max(0, Math.floor(offset));
  const [items, [total]] = await Promise.all([
    rows<OutletRow>(
      db,
      sql`${outletSelect} order by article_count desc, lower(s.name), s.id limit ${safeLimit} offset ${safeOffset}`,
    ),
    rows<{ n: number }>(db, sql`select count(*)::int as n from sources`),
  ]);
  return { items: items.map(toOutlet), total: total?.n ?? 0 };
}

export async function getOutlet(db: Database, id: string): Promise<Outlet | null> {
  const [row] = await rows<OutletRow>(db, sql`${outletSelect} where s.id = ${id}::uuid`);
  return row ? toOutlet(row) : null;
}

/**
 * Saves an administrator's settings. The country becomes the administrator's (also when cleared, which means
 * "not known" and stops inference for good). Null when there is no such source.
 */
export async function updateSourceSettings(db: Database, settings: SourceSettings): Promise<Outlet | null> {
  const [row] = await rows<{ id: string }>(
    db,
    sql`update sources
        set country = ${settings.country}, country_source = 'admin', perspective = ${settings.perspective},
            opinion_sections = ${sql.param(settings.opinionSections)}::text[], updated_at = now()
        where id = ${settings.id}::uuid
        returning id::text`,
  );
  return row ? getOutlet(db, row.id) : null;
}

/** Each listed article's outlet's opinion sections (articles without an outlet, or without sections, left out). */
export async function opinionSectionsOfArticles(
  db: Queryable,
  articleIds: readonly string[],
): Promise<Map<string, string[]>> {
  if (articleIds.length === 0) return new Map();
  const found = await rows<{ id: string; opinion_sections: string[] }>(
    db,
    sql`select a.id::text, s.opinion_sections from articles a join sources s on s.id = a.source_id
        where a.id = any(${sql.param([...articleIds])}::uuid[]) and cardinality(s.opinion_sections) > 0`,
  );
  return new Map(found.map((row) => [row.id, row.opinion_sections]));
}
