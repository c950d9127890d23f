import { type CitedText, type Genre, zCitedText, zKeyPoint } from "@parallax/core";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "./story-index";
import { StoryError } from "./stories";

/**
 * The home page's story cards: each live story with its latest briefing's headline and first key points, its
 * source mix and when it last changed, newest change first.
 */

export interface StoryCardOutlet {
  /** Null for articles with no known source. */
  id: string | null;
  name: string;
  domain: string | null;
  articles: number;
}

export interface StoryCardKeyPoint {
  n: number;
  genre: Genre;
  sentences: CitedText[];
}

export interface StoryCard {
  id: string;
  /** The latest briefing's headline; without a briefing (or headline), the title of its earliest article. */
  headline: CitedText | null;
  title: string | null;
  /** The first two key points of the latest briefing; empty before the first briefing. */
  keyPoints: StoryCardKeyPoint[];
  briefingVersion: number | null;
  articleCount: number;
  outlets: StoryCardOutlet[];
  /** Outlet countries with article counts; `unknown` for sources without one. */
  countries: Array<{ country: string; articles: number }>;
  /** Articles by genre; `unspecified` for articles whose genre was not determined. */
  genres: { news: number; opinion: number; analysis: number; unspecified: number };
  /** Latest of: the story's last change, its latest briefing, its latest article's arrival. */
  updatedAt: string;
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
}

export interface StoryCardFilters {
  /**
   * Publication window (ISO date or date-time), inclusive: a story matches when one of its articles was
   * published in it (an undated article counts by its arrival). A bare `to` date covers that whole day (UTC).
   */
  from?: string | null;
  to?: string | null;
  /** A source id or an outlet domain (`caixinglobal.com`, `www.` ignored). */
  outlet?: string | null;
  /** An outlet country as stored on sources (case-insensitive), or `unknown` for sources without one. */
  country?: string | null;
  /** An article language (BCP 47, `en`, `zh-Hans`); an article without one takes its source's. */
  language?: string | null;
  /** An entity slug: stories with an article that mentions it. */
  entity?: string | null;
}

export interface ListStoryCardsOptions extends StoryCardFilters {
  /** 1 to 100. */
  limit: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `<update time to the microsecond>~<story id>`, as `nextCursor` writes it. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)~([0-9a-f-]{36})$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DOMAIN = /^[a-z0-9.-]{1,253}$/i;
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}$/i;

/** Every filter a request may carry, checked at this boundary too: the queries are called from more than tRPC. */
export const zStoryCardFilters = z.object({
  from: z.string().max(40).nullish(),
  to: z.string().max(40).nullish(),
  outlet: z.string().trim().min(1).max(253).nullish(),
  country: z.string().trim().min(1).max(100).nullish(),
  language: z.string().trim().regex(LANGUAGE, "not a language tag such as en or zh-Hans").nullish(),
  entity: z.string().trim().min(1).max(200).nullish(),
});

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoMicro = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function bound(value: string | null | undefined, name: "from" | "to"): string | null {
  if (value == null || value === "") return null;
  const time = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw new StoryError(
      "BAD_REQUEST",
      `${name} must be an ISO date (2026-03-19), not ${JSON.stringify(value)}`,
    );
  // A bare `to` day includes the whole day.
  return new Date(name === "to" && DATE_ONLY.test(value) ? time + 86_400_000 - 1 : time).toISOString();
}

/** The condition one article `a` (with source `src`) must meet; all filters hold for the same article. */
function articleCondition(filters: StoryCardFilters): SQL | null {
  const parsed = zStoryCardFilters.safeParse(filters);
  if (!parsed.success)
    throw new StoryError("BAD_REQUEST", parsed.error.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
  const f = parsed.data;
  const from = bound(f.from, "from");
  const to = bound(f.to, "to");
  if (from && to && from > to) throw new StoryError("BAD_REQUEST", "from must not be after to");
  const parts: SQL[] = [];
  if (from) parts.push(sql`coalesce(a.published_at, a.created_at) >= ${from}::timestamptz`);
  if (to) parts.push(sql`coalesce(a.published_at, a.created_at) <= ${to}::timestamptz`);
  if (f.outlet) {
    if (UUID.test(f.outlet)) parts.push(sql`a.source_id = ${f.outlet.toLowerCase()}::uuid`);
    else if (DOMAIN.test(f.outlet))
      parts.push(sql`src.domain = ${f.outlet.toLowerCase().replace(/^www\./, "")}`);
    else
      throw new StoryError(
        "BAD_REQUEST",
        `outlet must be a source id or a domain, not ${JSON.stringify(f.outlet)}`,
      );
  }
  if (f.country) parts.push(sql`lower(coalesce(src.country, 'unknown')) = ${f.country.toLowerCase()}`);
  if (f.language) parts.push(sql`lower(coalesce(a.language, src.language)) = ${f.language.toLowerCase()}`);
  if (f.entity)
    parts.push(
      sql`exists (select 1 from article_entities e where e.article_id = a.id and e.slug = ${f.entity})`,
    );
  return parts.length > 0 ? sql.join(parts, sql` and `) : null;
}

type CardRow = {
  id: string;
  updated_at: string;
  cursor_at: string;
  content: unknown;
  version: number | null;
  title: string | null;
  article_count: number;
  first_at: string | null;
  last_at: string | null;
};

type MixRow = {
  story_id: string;
  source_id: string | null;
  name: string | null;
  domain: string | null;
  country: string | null;
  genre: Genre | null;
  articles: number;
};

const zCardBriefing = z.object({
  headline: zCitedText.nullable().catch(null),
  keyPoints: z.array(z.unknown()).catch([]),
});

function briefingParts(content: unknown): Pick<StoryCard, "headline" | "keyPoints"> {
  const parsed = zCardBriefing.safeParse(content);
  if (!parsed.success) return { headline: null, keyPoints: [] };
  const keyPoints: StoryCardKeyPoint[] = [];
  for (const raw of parsed.data.keyPoints) {
    const point = zKeyPoint.safeParse(raw);
    if (point.success)
      keyPoints.push({ n: point.data.n, genre: point.data.genre, sentences: point.data.sentences });
    if (keyPoints.length === 2) break;
  }
  return { headline: parsed.data.headline, keyPoints };
}

/**
 * Live stories with articles, most recently updated first (the later of the story's last change, its latest
 * briefing and its latest article's arrival), a page at a time. Keyset pagination on (update time, id).
 */
export async function listStoryCards(
  db: Queryable,
  options: ListStoryCardsOptions,
): Promise<{ cards: StoryCard[]; nextCursor: string | null }> {
  const { limit, cursor } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new StoryError("BAD_REQUEST", `limit must be an integer from 1 to 100, not ${limit}`);
  const after = cursor == null ? null : CURSOR.exec(cursor);
  if (cursor != null && (!after || !UUID.test(after[2]!)))
    throw new StoryError("BAD_REQUEST", `cursor ${JSON.stringify(cursor)} is not one this list gave`);
  const condition = articleCondition(options);

  // First the page's ids, ordered by update time alone: each story's latest briefing and latest arrival are
  // read from their indexes, so no article rows are joined and no briefing is read for the stories not shown.
  const found = await rows<Pick<CardRow, "id" | "updated_at" | "cursor_at">>(
    db,
    sql`
    select s.id::text, ${iso(sql`k.updated_at`)} as updated_at, ${isoMicro(sql`k.updated_at`)} as cursor_at
    from stories s
    cross join lateral (
      select greatest(
        s.updated_at,
        (select max(b.built_at) from briefings b where b.scope = 'story' and b.subject_id = s.id),
        (select max(x.assigned_at) from article_stories x where x.story_id = s.id)
      ) as updated_at
    ) k
    where s.merged_into is null
      and exists (select 1 from article_stories x where x.story_id = s.id)
      ${
        condition
          ? sql`and exists (
              select 1 from article_stories x join articles a on a.id = x.article_id
              left join sources src on src.id = a.source_id
              where x.story_id = s.id and ${condition})`
          : sql``
      }
      ${after ? sql`and (k.updated_at, s.id) < (${after[1]}::timestamptz, ${after[2]!.toLowerCase()}::uuid)` : sql``}
    order by k.updated_at desc, s.id desc
    limit ${limit + 1}`,
  );
  const shown = found.slice(0, limit);
  // Then what the cards show, for those stories only: counts, dates, title, and of the latest briefing just its
  // headline and first key points (a briefing is tens of kilobytes; a card needs a few hundred bytes).
  const details = shown.length
    ? await rows<Omit<CardRow, "updated_at" | "cursor_at"> & { headline: unknown; points: unknown }>(
        db,
        sql`
        select c.id::text, b.version, b.headline, b.points, t.title, m.article_count,
               ${iso(sql`m.first_at`)} as first_at, ${iso(sql`m.last_at`)} as last_at
        from unnest(${sql.param(shown.map((r) => r.id))}::uuid[]) as c(id)
        cross join lateral (
          select count(*)::int as article_count, min(a.published_at) as first_at, max(a.published_at) as last_at
          from article_stories x join articles a on a.id = x.article_id where x.story_id = c.id
        ) m
        left join lateral (
          select version, content->'headline' as headline,
                 jsonb_path_query_array(content->'keyPoints', '$[0 to 3]') as points
          from briefings where scope = 'story' and subject_id = c.id order by version desc limit 1
        ) b on true
        left join lateral (
          select a.title from article_stories x join articles a on a.id = x.article_id where x.story_id = c.id
          order by a.published_at asc nulls last, x.assigned_at, a.id limit 1
        ) t on true`,
      )
    : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const page: CardRow[] = shown.flatMap((row) => {
    const d = byId.get(row.id);
    if (!d) return [];
    const content = d.version == null ? null : { headline: d.headline, keyPoints: d.points ?? [] };
    return [{ ...row, ...d, content }];
  });
  const mix = page.length
    ? await rows<MixRow>(
        db,
        sql`
        select x.story_id::text, src.id::text as source_id, src.name, src.domain, src.country, a.genre,
               count(*)::int as articles
        from article_stories x join articles a on a.id = x.article_id
        left join sources src on src.id = a.source_id
        where x.story_id = any(${sql.param(page.map((r) => r.id))}::uuid[])
        group by 1, 2, 3, 4, 5, 6`,
      )
    : [];
  const cards = page.map((row) =>
    toCard(
      row,
      mix.filter((m) => m.story_id === row.id),
    ),
  );
  const last = shown.at(-1);
  return { cards, nextCursor: found.length > limit && last ? `${last.cursor_at}~${last.id}` : null };
}

function toCard(row: CardRow, mix: MixRow[]): StoryCard {
  const outlets = new Map<string, StoryCardOutlet>();
  const countries = new Map<string, number>();
  const genres = { news: 0, opinion: 0, analysis: 0, unspecified: 0 };
  for (const m of mix) {
    const key = m.source_id ?? "";
    const outlet = outlets.get(key) ?? {
      id: m.source_id,
      name: m.name ?? "Unknown outlet",
      domain: m.domain,
      articles: 0,
    };
    outlet.articles += m.articles;
    outlets.set(key, outlet);
    const country = m.country ?? "unknown";
    countries.set(country, (countries.get(country) ?? 0) + m.articles);
    genres[m.genre ?? "unspecified"] += m.articles;
  }
  const byCount = <T extends { articles: number }>(a: T & { name: string }, b: T & { name: string }) =>
    b.articles - a.articles || a.name.localeCompare(b.name);
  return {
    id: row.id,
    title: row.title,
    ...(row.content ? briefingParts(row.content) : { headline: null, keyPoints: [] }),
    briefingVersion: row.version,
    articleCount: row.article_count,
    outlets: [...outlets.values()].sort(byCount),
    countries: [...countries]
      .map(([country, articles]) => ({ country, articles, name: country }))
      .sort(byCount)
      .map(({ country, articles }) => ({ country, articles })),
    genres,
    updatedAt: row.updated_at,
    firstPublishedAt: row.first_at,
    lastPublishedAt: row.last_at,
  };
}

export interface StoryFilterOptions {
  outlets: Array<{ id: string; name: string; domain: string | null; stories: number }>;
  /** `unknown` stands for sources without a country. */
  countries: Array<{ country: string; stories: number }>;
  languages: Array<{ language: string; stories: number }>;
}

/** The outlets, countries and languages of the articles in live stories, for the home page's filter form. */
export async function storyFilterOptions(db: Queryable): Promise<StoryFilterOptions> {
  const from = sql`
    from article_stories x
    join stories s on s.id = x.story_id and s.merged_into is null
    join articles a on a.id = x.article_id
    left join sources src on src.id = a.source_id`;
  // One pass over the live stories' articles: each (story, outlet, country, language) once, counted here.
  const seen = await rows<{
    story_id: string;
    source_id: string | null;
    name: string | null;
    domain: string | null;
    country: string;
    language: string | null;
  }>(
    db,
    sql`select distinct x.story_id::text, src.id::text as source_id, src.name, src.domain,
               coalesce(src.country, 'unknown') as country, lower(coalesce(a.language, src.language)) as language
        ${from}`,
  );
  const storiesBy = <K>(key: (row: (typeof seen)[number]) => K | null) => {
    const sets = new Map<K, Set<string>>();
    for (const row of seen) {
      const k = key(row);
      if (k === null) continue;
      const set = sets.get(k) ?? new Set<string>();
      set.add(row.story_id);
      sets.set(k, set);
    }
    return sets;
  };
  const sources = new Map(seen.filter((r) => r.source_id).map((r) => [r.source_id!, r]));
  const outlets = [...storiesBy((r) => r.source_id)]
    .map(([id, set]) => ({
      id,
      name: sources.get(id)!.name ?? "",
      domain: sources.get(id)!.domain,
      stories: set.size,
    }))
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id))
    .slice(0, 500);
  const countries = [...storiesBy((r) => r.country)]
    .map(([country, set]) => ({ country, stories: set.size }))
    .sort((a, b) => (a.country < b.country ? -1 : a.country > b.country ? 1 : 0))
    .slice(0, 300);
  const languages = [...storiesBy((r) => r.language)]
    .map(([language, set]) => ({ language, stories: set.size }))
    .sort((a, b) => (a.language < b.language ? -1 : a.language > b.language ? 1 : 0))
    .slice(0, 300);
  return { outlets, countries, languages };
}

export interface CitedParagraph {
  articleId: string;
  /** 1-based, as citations number paragraphs. */
  paragraph: number;
  text: string;
  articleTitle: string | null;
  outlet: string | null;
}

/** The paragraph a citation points at, to show it in place; null when the article or paragraph is gone. */
export async function getCitedParagraph(
  db: Queryable,
  articleId: string,
  paragraph: number,
): Promise<CitedParagraph | null> {
  if (!UUID.test(articleId) || !Number.isInteger(paragraph) || paragraph < 1 || paragraph > 100_000)
    return null;
  const [row] = await rows<{ text: string; title: string | null; outlet: string | null }>(
    db,
    sql`select p.text, a.title, src.name as outlet
        from paragraphs p join articles a on a.id = p.article_id left join sources src on src.id = a.source_id
        where p.article_id = ${articleId.toLowerCase()}::uuid and p.n = ${paragraph}`,
  );
  return row
    ? {
        articleId: articleId.toLowerCase(),
        paragraph,
        text: row.text,
        articleTitle: row.title,
        outlet: row.outlet,
      }
    : null;
}
