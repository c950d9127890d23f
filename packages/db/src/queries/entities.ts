import type { Enrichment, Keyword } from "@parallax/core";
import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  articleEnrichment,
  articleEntities,
  articles,
  articleTerms,
  entities,
  events,
  figures,
  mentions,
  paragraphs,
  quotes,
  termStats,
  timeExpressions,
} from "../schema/index";

/**
 * An article's distinctive terms scored against the corpus as it is now (sublinear tf × smoothed idf), so
 * keywords stay current as articles arrive without re-enriching anything.
 */
export async function articleKeywords(db: Database, articleId: string, limit = 20): Promise<Keyword[]> {
  const [corpus] = await db.select({ n: sql<number>`count(*)::int` }).from(articleEnrichment);
  const documents = Math.max(1, corpus?.n ?? 1);
  const score = sql<number>`(1 + ln(${articleTerms.count})) * ln((${documents} + 1)::float / (coalesce(${termStats.documents}, 0) + 1)::float + 1)`;
  return db
    .select({ term: articleTerms.term, count: articleTerms.count, score })
    .from(articleTerms)
    .leftJoin(termStats, eq(termStats.term, articleTerms.term))
    .where(eq(articleTerms.articleId, articleId))
    .orderBy(desc(score), asc(articleTerms.term))
    .limit(limit);
}

/** Everything enrichment stored for one article, or null when it has not been enriched (yet). */
export async function getArticleEnrichment(db: Database, articleId: string): Promise<Enrichment | null> {
  const [meta] = await db.select().from(articleEnrichment).where(eq(articleEnrichment.articleId, articleId));
  if (!meta || meta.error) return null;
  const [entityRows, mentionRows, timeRows, eventRows, figureRows, quoteRows, keywords] = await Promise.all([
    db
      .select({ entity: articleEntities, placeKind: entities.placeKind })
      .from(articleEntities)
      .leftJoin(entities, eq(entities.slug, articleEntities.slug))
      .where(eq(articleEntities.articleId, articleId))
      .orderBy(desc(articleEntities.mentions)),
    db
      .select()
      .from(mentions)
      .where(eq(mentions.articleId, articleId))
      .orderBy(asc(mentions.paragraph), asc(mentions.start)),
    db
      .select()
      .from(timeExpressions)
      .where(eq(timeExpressions.articleId, articleId))
      .orderBy(asc(timeExpressions.paragraph), asc(timeExpressions.start)),
    db.select().from(events).where(eq(events.articleId, articleId)).orderBy(asc(events.firstDay)),
    db
      .select()
      .from(figures)
      .where(eq(figures.articleId, articleId))
      .orderBy(asc(figures.paragraph), asc(figures.start)),
    db
      .select()
      .from(quotes)
      .where(eq(quotes.articleId, articleId))
      .orderBy(asc(quotes.paragraph), asc(quotes.start)),
    articleKeywords(db, articleId),
  ]);
  return {
    version: meta.version,
    language: meta.language,
    referenceDate: meta.referenceDate,
    entities: entityRows.map(({ entity: e, placeKind }) => ({
      slug: e.slug,
      name: e.name,
      type: e.type as Enrichment["entities"][number]["type"],
      placeKind: placeKind as Enrichment["entities"][number]["placeKind"],
      aliases: e.aliases,
      mentions: e.mentions,
      description: e.description ?? null,
      standsFor: e.standsFor,
    })),
    mentions: mentionRows.map((m) => ({
      paragraph: m.paragraph,
      start: m.start,
      end: m.end,
      text: m.text,
      entity: m.entitySlug,
      form: m.form as Enrichment["mentions"][number]["form"],
    })),
    times: timeRows.map(({ articleId: _a, ...t }) => ({
      ...t,
      type: t.type as Enrichment["times"][number]["type"],
      precision: t.precision as Enrichment["times"][number]["precision"],
    })),
    timeline: eventRows.map((e) => ({
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
    figures: figureRows.map(({ articleId: _a, ...f }) => ({
      ...f,
      kind: f.kind as Enrichment["figures"][number]["kind"],
      qualifier: f.qualifier as Enrichment["figures"][number]["qualifier"],
    })),
    quotes: quoteRows.map(({ articleId: _a, ...q }) => ({
      ...q,
      kind: q.kind as Enrichment["quotes"][number]["kind"],
    })),
    keywords,
  };
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
