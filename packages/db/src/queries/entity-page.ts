import { sql } from "drizzle-orm";
import type { Database } from "../client";

/** A timestamp as the driver returns it (a Date, or text from raw SQL) in ISO form. */
const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string | Date).toISOString();

/** When an article happened, for counting over time: its publication date, else when it reached us. */
const articleTime = sql.raw("coalesce(a.published_at, a.created_at)");

export type MentionBucket = "day" | "week" | "month";

export interface MentionTimeline {
  bucket: MentionBucket;
  /** Every bucket from the first mention to the last, empty ones included, so bars sit on a linear axis. */
  points: Array<{ start: string; mentions: number; articles: number }>;
}

/**
 * Bars per day up to three months, per week up to two years, per month beyond: at most about 100 bars for
 * anything but a corpus older than eight years, which a 375 px chart still draws as thin bars.
 */
export function mentionBucket(first: Date, last: Date): MentionBucket {
  const days = (last.getTime() - first.getTime()) / 86_400_000;
  if (days <= 92) return "day";
  if (days <= 731) return "week";
  return "month";
}

/** Mentions of an entity over time (its articles' dates, in UTC), in the bucket its span calls for. */
export async function entityMentionTimeline(db: Database, slug: string): Promise<MentionTimeline> {
  const span = await db.execute<{ first: unknown; last: unknown }>(sql`
    select min(${articleTime}) as first, max(${articleTime}) as last
    from article_entities ae join articles a on a.id = ae.article_id
    where ae.slug = ${slug}`);
  const first = iso(span.rows[0]?.first);
  const last = iso(span.rows[0]?.last);
  if (!first || !last) return { bucket: "day", points: [] };
  const bucket = mentionBucket(new Date(first), new Date(last));
  const step = sql.raw(`'1 ${bucket}'::interval`);
  const unit = sql.raw(`'${bucket}'`);
  const rows = await db.execute<{ start: string; mentions: number; articles: number }>(sql`
    with counted as (
      select date_trunc(${unit}, ${articleTime} at time zone 'UTC') as start,
             sum(ae.mentions)::int as mentions, count(*)::int as articles
      from article_entities ae join articles a on a.id = ae.article_id
      where ae.slug = ${slug}
      group by 1
    ), buckets as (
      select generate_series(min(start), max(start), ${step}) as start from counted
    )
    select to_char(b.start, 'YYYY-MM-DD') as start,
           coalesce(c.mentions, 0)::int as mentions, coalesce(c.articles, 0)::int as articles
    from buckets b left join counted c on c.start = b.start
    order by b.start`);
  return { bucket, points: rows.rows };
}

export interface EntityStory {
  storyId: string;
  /** The latest briefing's headline; null until the story is briefed. */
  headline: string | null;
  /** The title of the story's earliest article, for stories without a briefing headline. */
  title: string | null;
  briefingVersion: number | null;
  articleCount: number;
  /** How many of the story's articles name the entity, and how often in all. */
  entityArticles: number;
  mentions: number;
  lastAt: string | null;
  updatedAt: string;
}

/** The live stories whose articles name the entity, most recently changed first. */
export async function listEntityStories(db: Database, slug: string, limit = 50): Promise<EntityStory[]> {
  const rows = await db.execute<Record<string, unknown>>(sql`
    with hits as (
      select ast.story_id, count(*)::int as entity_articles, sum(ae.mentions)::int as mentions
      from article_entities ae join article_stories ast on ast.article_id = ae.article_id
      where ae.slug = ${slug}
      group by ast.story_id
    )
    select s.id as story_id, h.entity_articles, h.mentions, s.last_at, s.updated_at, s.revision,
           (select count(*)::int from article_stories x where x.story_id = s.id) as article_count,
           b.version as briefing_version, b.content -> 'headline' ->> 'text' as headline,
           (select a.title from article_stories x join articles a on a.id = x.article_id
             where x.story_id = s.id
             order by coalesce(a.published_at, a.created_at), a.id limit 1) as title
    from hits h
    join stories s on s.id = h.story_id and s.merged_into is null
    left join lateral (
      select version, content from briefings
      where scope = 'story' and subject_id = s.id order by version desc limit 1
    ) b on true
    order by s.revision desc
    limit ${limit}`);
  return rows.rows.map((r) => ({
    storyId: r.story_id as string,
    headline: typeof r.headline === "string" && r.headline ? r.headline : null,
    title: (r.title as string | null) ?? null,
    briefingVersion: (r.briefing_version as number | null) ?? null,
    articleCount: r.article_count as number,
    entityArticles: r.entity_articles as number,
    mentions: r.mentions as number,
    lastAt: iso(r.last_at),
    updatedAt: iso(r.updated_at) as string,
  }));
}

export interface EntityQuote {
  articleId: string;
  title: string | null;
  source: string | null;
  publishedAt: string | null;
  paragraph: number;
  text: string;
  kind: string;
  speaker: string | null;
  speakerEntity: string | null;
  cue: string | null;
  /** The quoted words themselves name the entity (not only the paragraph around them). */
  namesEntity: boolean;
}

const quoteColumns = sql.raw(`q.article_id, a.title, coalesce(src.name, a.site_name) as source,
  a.published_at, q.paragraph, q.text, q.kind, q.speaker, q.speaker_entity, q.cue`);

function toQuote(r: Record<string, unknown>): EntityQuote {
  return {
    articleId: r.article_id as string,
    title: (r.title as string | null) ?? null,
    source: (r.source as string | null) ?? null,
    publishedAt: iso(r.published_at),
    paragraph: r.paragraph as number,
    text: r.text as string,
    kind: r.kind as string,
    speaker: (r.speaker as string | null) ?? null,
    speakerEntity: (r.speaker_entity as string | null) ?? null,
    cue: (r.cue as string | null) ?? null,
    namesEntity: r.names_entity === true,
  };
}

/**
 * What the entity said (speaker resolved to it) and what others said about it (a quote in a paragraph that
 * names it), newest articles first. Scare quotes and quoted titles are not speech and are left out.
 */
export async function listEntityQuotes(
  db: Database,
  slug: string,
  limit = 30,
): Promise<{ by: EntityQuote[]; about: EntityQuote[] }> {
  const [by, about] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`
      select ${quoteColumns}, false as names_entity
      from quotes q join articles a on a.id = q.article_id left join sources src on src.id = a.source_id
      where q.speaker_entity = ${slug} and q.kind in ('direct', 'reported')
      order by coalesce(a.published_at, a.created_at) desc, q.article_id, q.paragraph, q.start
      limit ${limit}`),
    // From the entity's mentions (indexed by slug) to the quotes of those paragraphs (the quotes' primary key
    // starts with article and paragraph), rather than over every quote of the corpus.
    db.execute<Record<string, unknown>>(sql`
      with named as (
        select distinct article_id, paragraph from mentions where entity_slug = ${slug}
      )
      select ${quoteColumns},
             exists (select 1 from mentions m where m.article_id = q.article_id and m.paragraph = q.paragraph
                     and m.entity_slug = ${slug} and m.start >= q.start and m."end" <= q."end") as names_entity
      from named p
      join quotes q on q.article_id = p.article_id and q.paragraph = p.paragraph
      join articles a on a.id = q.article_id left join sources src on src.id = a.source_id
      where q.speaker_entity is distinct from ${slug} and q.kind in ('direct', 'reported')
      order by names_entity desc, coalesce(a.published_at, a.created_at) desc, q.article_id, q.paragraph, q.start
      limit ${limit}`),
  ]);
  return { by: by.rows.map(toQuote), about: about.rows.map(toQuote) };
}

export interface OutletNaming {
  sourceId: string | null;
  /** The outlet's name; articles of no known outlet are grouped under their site name, or null. */
  source: string | null;
  articles: number;
  mentions: number;
  aliases: Array<{ text: string; count: number }>;
  /** How the outlet describes it ("deputy dean of …"), most used first. */
  descriptions: string[];
  /** What an acronym stands for, as the outlet spells it out. */
  standsFor: string[];
}

/** How each outlet names the entity: the alias texts it uses with counts, and the titles it gives it. */
export async function listEntityNaming(db: Database, slug: string, limit = 40): Promise<OutletNaming[]> {
  const outlet = sql.raw("coalesce(src.name, a.site_name)");
  const [totals, aliases, descriptions] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`
      select src.id as source_id, ${outlet} as source, count(*)::int as articles,
             sum(ae.mentions)::int as mentions,
             coalesce(array_agg(distinct ae.stands_for) filter (where ae.stands_for is not null), '{}')
               as stands_for
      from article_entities ae join articles a on a.id = ae.article_id
      left join sources src on src.id = a.source_id
      where ae.slug = ${slug}
      group by src.id, ${outlet}
      order by 4 desc, 2
      limit ${limit}`),
    db.execute<{ source_id: string | null; source: string | null; text: string; count: number }>(sql`
      select src.id as source_id, ${outlet} as source, al ->> 'text' as text,
             sum((al ->> 'count')::int)::int as count
      from article_entities ae join articles a on a.id = ae.article_id
      left join sources src on src.id = a.source_id,
      jsonb_array_elements(ae.aliases) as al
      where ae.slug = ${slug}
      group by 1, 2, 3
      order by 4 desc, 3`),
    db.execute<{ source_id: string | null; source: string | null; text: string }>(sql`
      select src.id as source_id, ${outlet} as source, ae.description ->> 'text' as text
      from article_entities ae join articles a on a.id = ae.article_id
      left join sources src on src.id = a.source_id
      where ae.slug = ${slug} and ae.description ->> 'text' <> ''
      group by 1, 2, 3
      order by count(*) desc, 3`),
  ]);
  const key = (sourceId: unknown, source: unknown) => `${sourceId ?? ""}\u0000${source ?? ""}`;
  const byOutlet = new Map<string, Array<{ text: string; count: number }>>();
  for (const row of aliases.rows) {
    const list = byOutlet.get(key(row.source_id, row.source)) ?? [];
    if (list.length < 20) list.push({ text: row.text, count: row.count });
    byOutlet.set(key(row.source_id, row.source), list);
  }
  const describedAs = new Map<string, string[]>();
  for (const row of descriptions.rows) {
    const list = describedAs.get(key(row.source_id, row.source)) ?? [];
    if (list.length < 5) list.push(row.text);
    describedAs.set(key(row.source_id, row.source), list);
  }
  return totals.rows.map((r) => ({
    sourceId: (r.source_id as string | null) ?? null,
    source: (r.source as string | null) ?? null,
    articles: r.articles as number,
    mentions: r.mentions as number,
    aliases: byOutlet.get(key(r.source_id, r.source)) ?? [],
    descriptions: describedAs.get(key(r.source_id, r.source)) ?? [],
    standsFor: r.stands_for as string[],
  }));
}
