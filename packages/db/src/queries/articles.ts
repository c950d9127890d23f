import type { Article, ArticleStatus, ArticleSummary, Paragraph } from "@parallax/core";
import { and, asc, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "../client";
import { articles, paragraphs, sources } from "../schema/index";
import { groupBy } from "./group-by";

const summaryColumns = {
  id: articles.id,
  url: articles.url,
  canonicalUrl: articles.canonicalUrl,
  title: articles.title,
  titleSource: articles.titleSource,
  byline: articles.byline,
  authors: articles.authors,
  publishedAt: articles.publishedAt,
  modifiedAt: articles.modifiedAt,
  language: articles.language,
  genre: articles.genre,
  section: articles.section,
  description: articles.description,
  imageUrl: articles.imageUrl,
  tags: articles.tags,
  contentHash: articles.contentHash,
  status: articles.status,
  error: articles.error,
  duplicateOf: articles.duplicateOf,
  createdAt: articles.createdAt,
  updatedAt: articles.updatedAt,
  sourceName: sources.name,
  sourceDomain: sources.domain,
  sourceCountry: sources.country,
  sourceLanguage: sources.language,
  paragraphCount: sql<number>`(select count(*)::int from ${paragraphs} where ${paragraphs.articleId} = ${articles.id})`,
};

function selectSummaries(db: Database) {
  return db.select(summaryColumns).from(articles).leftJoin(sources, eq(sources.id, articles.sourceId));
}
type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    url: row.url,
    canonicalUrl: row.canonicalUrl,
    title: row.title,
    titleSource: row.titleSource as ArticleSummary["titleSource"],
    byline: row.byline,
    authors: row.authors,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    modifiedAt: row.modifiedAt?.toISOString() ?? null,
    language: row.language,
    genre: row.genre as ArticleSummary["genre"],
    section: row.section,
    description: row.description,
    imageUrl: row.imageUrl,
    tags: row.tags,
    source: row.sourceName
      ? {
          name: row.sourceName,
          domain: row.sourceDomain,
          country: row.sourceCountry,
          language: row.sourceLanguage,
        }
      : null,
    contentHash: row.contentHash,
    status: row.status as ArticleStatus,
    error: row.error,
    duplicateOf: row.duplicateOf,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    paragraphCount: row.paragraphCount,
  };
}

export interface ListArticlesOptions {
  limit: number;
  /** `createdAt` of the last row of the previous page (keyset pagination: stable while articles arrive). */
  before?: string;
}

export async function listArticles(db: Database, options: ListArticlesOptions): Promise<ArticleSummary[]> {
  const rows = await selectSummaries(db)
    .where(options.before ? lt(articles.createdAt, new Date(options.before)) : undefined)
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .limit(options.limit);
  return rows.map(toSummary);
}

export async function getArticleSummary(db: Database, id: string): Promise<ArticleSummary | null> {
  const [row] = await selectSummaries(db).where(eq(articles.id, id));
  return row ? toSummary(row) : null;
}

export async function getArticle(db: Database, id: string): Promise<Article | null> {
  return (await getArticles(db, [id]))[0] ?? null;
}

/** Stored copies listed with an original, at most. */
const DUPLICATES_LISTED = 100;

/**
 * Several articles with their bodies in three statements whatever their number (a briefing reads up to 60), in
 * the order of `ids`; ids not stored are left out.
 */
export async function getArticles(db: Database, ids: readonly string[]): Promise<Article[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const idList = sql`${sql.param(unique)}::uuid[]`;
  // The summary's columns without its paragraph count (the paragraphs themselves are read), with the body's.
  const { paragraphCount: _count, ...columns } = summaryColumns;
  const [heads, body, duplicates] = await Promise.all([
    db
      .select({ ...columns, captions: articles.captions, digest: articles.digest })
      .from(articles)
      .leftJoin(sources, eq(sources.id, articles.sourceId))
      .where(sql`${articles.id} = any(${idList})`),
    db
      .select({
        articleId: paragraphs.articleId,
        n: paragraphs.n,
        kind: paragraphs.kind,
        text: paragraphs.text,
      })
      .from(paragraphs)
      .where(sql`${paragraphs.articleId} = any(${idList})`)
      .orderBy(asc(paragraphs.articleId), asc(paragraphs.n)),
    db.execute<{ original: string; id: string; title: string | null; url: string | null }>(sql`
      select original, id, title, url from (
        select duplicate_of::text as original, id::text, title, url, created_at,
               row_number() over (partition by duplicate_of order by created_at) as nth
        from articles where duplicate_of = any(${idList})) d
      where nth <= ${DUPLICATES_LISTED} order by original, created_at`),
  ]);
  const bodies = groupBy(body, (p) => p.articleId);
  const copies = groupBy(duplicates.rows, (d) => d.original);
  const byId = new Map(
    heads.map((row) => {
      const paragraphRows = bodies.get(row.id) ?? [];
      const { paragraphCount: _n, ...rest } = toSummary({ ...row, paragraphCount: paragraphRows.length });
      const article: Article = {
        ...rest,
        paragraphs: paragraphRows.map(({ n, kind, text }) => ({ n, kind, text })) as Paragraph[],
        captions: row.captions ?? [],
        digest: row.digest ?? null,
        duplicates: (copies.get(row.id) ?? []).map(({ id, title, url }) => ({ id, title, url })),
      };
      return [row.id, article] as const;
    }),
  );
  return unique.flatMap((id) => byId.get(id) ?? byId.get(id.toLowerCase()) ?? []);
}

export async function countArticlesByStatus(db: Database): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: articles.status, n: count() })
    .from(articles)
    .groupBy(articles.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Articles the pipeline has not finished; the reconciler checks each one still has a job. */
export async function listUnfinishedArticleIds(db: Database, limit = 10_000): Promise<string[]> {
  const rows = await db
    .select({ id: articles.id })
    .from(articles)
    .where(inArray(articles.status, ["queued", "processing"]))
    .orderBy(asc(articles.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function setArticleStatus(
  db: Database,
  id: string,
  status: ArticleStatus,
  error: string | null = null,
): Promise<void> {
  await db.update(articles).set({ status, error, updatedAt: new Date() }).where(eq(articles.id, id));
}

/** Puts a failed article back in the queue's hands; returns false when it was not failed. */
export async function requeueFailedArticle(db: Database, id: string): Promise<boolean> {
  const rows = await db
    .update(articles)
    .set({ status: "queued", error: null, updatedAt: new Date() })
    .where(and(eq(articles.id, id), eq(articles.status, "failed")))
    .returning({ id: articles.id });
  return rows.length > 0;
}
