import type { Enrichment, Keyword, Paragraph } from "@parallax/core";
import { distinctiveTerms, termCounts } from "@parallax/core/enrich/keywords";
import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "../client";
import {
  articleEnrichment,
  articleEntities,
  articles,
  entities,
  events,
  figures,
  mentions,
  paragraphs,
  quotes,
  timeExpressions,
} from "../schema/index";
import { corpusTermStats } from "./enrichment";
import { groupBy } from "./group-by";

/**
 * An article's distinctive terms scored against the corpus as it is now, by the same function the offline
 * `parallax enrich` uses: keywords stay current as articles arrive, without re-enriching anything.
 */
export async function articleKeywords(db: Database, articleId: string, limit = 20): Promise<Keyword[]> {
  const [article] = await db
    .select({ language: articles.language })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!article) return [];
  const body = (await db
    .select({ n: paragraphs.n, kind: paragraphs.kind, text: paragraphs.text })
    .from(paragraphs)
    .where(eq(paragraphs.articleId, articleId))
    .orderBy(asc(paragraphs.n))) as Paragraph[];
  const counts = termCounts(body, { language: article.language });
  const stats = await corpusTermStats(db, [...counts.keys()]);
  return distinctiveTerms(
    body,
    { documents: stats.documents, documentFrequency: (term) => stats.frequencies.get(term) ?? 0 },
    { language: article.language, limit },
  );
}

/** Everything enrichment stored for one article, or null when it has not been enriched (yet). */
export async function getArticleEnrichment(db: Database, articleId: string): Promise<Enrichment | null> {
  const stored = (await getArticleEnrichments(db, [articleId])).get(articleId);
  if (!stored) return null;
  return { ...stored, keywords: await articleKeywords(db, articleId) };
}

/** Enrichment as stored; keywords are scored when read, against the corpus of the moment (`articleKeywords`). */
export type StoredEnrichment = Omit<Enrichment, "keywords">;

/**
 * The stored enrichment of several articles in seven statements whatever their number (a briefing reads up to
 * 60 articles); articles not enriched, or whose enrichment failed, are not in the map.
 */
export async function getArticleEnrichments(
  db: Database,
  articleIds: readonly string[],
): Promise<Map<string, StoredEnrichment>> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return new Map();
  const idList = sql`${sql.param(ids)}::uuid[]`;
  const of = (column: AnyPgColumn) => sql`${column} = any(${idList})`;
  const [metaRows, entityRows, mentionRows, timeRows, eventRows, figureRows, quoteRows] = await Promise.all([
    db.select().from(articleEnrichment).where(of(articleEnrichment.articleId)),
    db
      .select({ entity: articleEntities, placeKind: entities.placeKind })
      .from(articleEntities)
      .leftJoin(entities, eq(entities.slug, articleEntities.slug))
      .where(of(articleEntities.articleId))
      .orderBy(desc(articleEntities.mentions)),
    db
      .select()
      .from(mentions)
      .where(of(mentions.articleId))
      .orderBy(asc(mentions.paragraph), asc(mentions.start)),
    db
      .select()
      .from(timeExpressions)
      .where(of(timeExpressions.articleId))
      .orderBy(asc(timeExpressions.paragraph), asc(timeExpressions.start)),
    db.select().from(events).where(of(events.articleId)).orderBy(asc(events.firstDay)),
    db
      .select()
      .from(figures)
      .where(of(figures.articleId))
      .orderBy(asc(figures.paragraph), asc(figures.start)),
    db.select().from(quotes).where(of(quotes.articleId)).orderBy(asc(quotes.paragraph), asc(quotes.start)),
  ]);
  const entitiesOf = groupBy(entityRows, (r) => r.entity.articleId);
  const mentionsOf = groupBy(mentionRows, (r) => r.articleId);
  const timesOf = groupBy(timeRows, (r) => r.articleId);
  const eventsOf = groupBy(eventRows, (r) => r.articleId);
  const figuresOf = groupBy(figureRows, (r) => r.articleId);
  const quotesOf = groupBy(quoteRows, (r) => r.articleId);
  const result = new Map<string, StoredEnrichment>();
  for (const meta of metaRows) {
    if (meta.error) continue;
    const id = meta.articleId;
    result.set(id, {
      version: meta.version,
      language: meta.language,
      referenceDate: meta.referenceDate,
      entities: (entitiesOf.get(id) ?? []).map(({ entity: e, placeKind }) => ({
        slug: e.slug,
        name: e.name,
        type: e.type as Enrichment["entities"][number]["type"],
        placeKind: placeKind as Enrichment["entities"][number]["placeKind"],
        aliases: e.aliases,
        mentions: e.mentions,
        description: e.description ?? null,
        standsFor: e.standsFor,
      })),
      mentions: (mentionsOf.get(id) ?? []).map((m) => ({
        paragraph: m.paragraph,
        start: m.start,
        end: m.end,
        text: m.text,
        entity: m.entitySlug,
        form: m.form as Enrichment["mentions"][number]["form"],
      })),
      times: (timesOf.get(id) ?? []).map(({ articleId: _a, ...t }) => ({
        ...t,
        type: t.type as Enrichment["times"][number]["type"],
        precision: t.precision as Enrichment["times"][number]["precision"],
      })),
      timeline: (eventsOf.get(id) ?? []).map((e) => ({
        paragraph: e.paragraph,
        start: e.start,
        end: e.end,
        date: e.date,
        precision: e.precision as Enrichment["timeline"][number]["precision"],
        phrase: e.phrase,
        actors: e.actors,
        expected: e.expected,
        sentence: e.sentence,
      })),
      figures: (figuresOf.get(id) ?? []).map(({ articleId: _a, ...f }) => ({
        ...f,
        kind: f.kind as Enrichment["figures"][number]["kind"],
        qualifier: f.qualifier as Enrichment["figures"][number]["qualifier"],
      })),
      quotes: (quotesOf.get(id) ?? []).map(({ articleId: _a, ...q }) => ({
        ...q,
        kind: q.kind as Enrichment["quotes"][number]["kind"],
      })),
    });
  }
  return result;
}

/** One actor across the corpus: aliases summed over articles, mention and article counts, latest articles. */
export async function getEntity(db: Database, slug: string) {
  const [entity] = await db.select().from(entities).where(eq(entities.slug, slug));
  if (!entity) return null;
  const aliasRows = await db.execute<{ text: string; count: number }>(
    sql`select a->>'text' as text, sum((a->>'count')::int)::int as count
        from ${articleEntities}, jsonb_array_elements(${articleEntities.aliases}) as a
        where ${articleEntities.slug} = ${slug} group by 1 order by 2 desc, 1 limit 50`,
  );
  const appearances = await db
    .select({
      id: articles.id,
      title: articles.title,
      publishedAt: articles.publishedAt,
      siteName: articles.siteName,
      mentions: articleEntities.mentions,
    })
    .from(articleEntities)
    .innerJoin(articles, eq(articles.id, articleEntities.articleId))
    .where(eq(articleEntities.slug, slug))
    .orderBy(desc(sql`coalesce(${articles.publishedAt}, ${articles.createdAt})`))
    .limit(100);
  const [totals] = await db
    .select({
      mentions: sql<number>`coalesce(sum(${articleEntities.mentions}), 0)::int`,
      articles: sql<number>`count(*)::int`,
    })
    .from(articleEntities)
    .where(eq(articleEntities.slug, slug));
  return {
    slug: entity.slug,
    name: entity.name,
    type: entity.type,
    placeKind: entity.placeKind,
    description: entity.description,
    aliases: aliasRows.rows,
    mentionCount: totals?.mentions ?? 0,
    articleCount: totals?.articles ?? 0,
    articles: appearances.map((a) => ({ ...a, publishedAt: a.publishedAt?.toISOString() ?? null })),
  };
}

/** All mentions of an entity with the paragraph each sits in, newest articles first. */
export async function listEntityMentions(
  db: Database,
  slug: string,
  options: { limit: number; offset: number },
) {
  return db
    .select({
      articleId: mentions.articleId,
      title: articles.title,
      paragraph: mentions.paragraph,
      start: mentions.start,
      end: mentions.end,
      text: mentions.text,
      paragraphText: paragraphs.text,
    })
    .from(mentions)
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .innerJoin(
      paragraphs,
      and(eq(paragraphs.articleId, mentions.articleId), eq(paragraphs.n, mentions.paragraph)),
    )
    .where(eq(mentions.entitySlug, slug))
    .orderBy(desc(articles.createdAt), asc(mentions.paragraph), asc(mentions.start))
    .limit(options.limit)
    .offset(options.offset);
}

/** Dated events whose date can fall between `from` and `to` (inclusive ISO days), earliest first. */
export async function eventsBetween(db: Database, from: string, to: string, limit = 200) {
  const rows = await db
    .select({
      articleId: events.articleId,
      title: articles.title,
      date: events.date,
      precision: events.precision,
      phrase: events.phrase,
      sentence: events.sentence,
      actors: events.actors,
      expected: events.expected,
      paragraph: events.paragraph,
    })
    .from(events)
    .innerJoin(articles, eq(articles.id, events.articleId))
    .where(and(lte(events.firstDay, to), gte(events.lastDay, from)))
    .orderBy(asc(events.firstDay), asc(events.articleId))
    .limit(limit);
  return rows;
}
