import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  articleRevisions,
  articles,
  type BriefingMarkPoint,
  briefingMarks,
  type RevisionReason,
  type StoredRevisionParagraph,
} from "../schema/index";
import { storyOfArticle } from "./stories";

export interface RevisionSummary {
  revision: number;
  createdAt: string;
  reason: RevisionReason;
  title: string | null;
  contentHash: string;
  paragraphCount: number;
}

export interface StoredRevision extends RevisionSummary {
  articleId: string;
  paragraphs: StoredRevisionParagraph[];
}

const isId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Every revision of an article, oldest first, without their text. */
export async function listRevisions(db: Database, articleId: string): Promise<RevisionSummary[]> {
  if (!isId(articleId)) return [];
  const found = await db
    .select({
      revision: articleRevisions.revision,
      createdAt: articleRevisions.createdAt,
      reason: articleRevisions.reason,
      title: articleRevisions.title,
      contentHash: articleRevisions.contentHash,
      paragraphCount: sql<number>`jsonb_array_length(${articleRevisions.paragraphs})::int`,
    })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(asc(articleRevisions.revision));
  return found.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** One revision with its paragraphs; null when the article has no such revision. */
export async function getRevision(
  db: Database,
  articleId: string,
  revision: number,
): Promise<StoredRevision | null> {
  if (!isId(articleId) || !Number.isInteger(revision) || revision < 1 || revision > 2_147_483_647)
    return null;
  const [row] = await db
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.revision, revision)));
  if (!row) return null;
  return {
    articleId: row.articleId,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    reason: row.reason,
    title: row.title,
    contentHash: row.contentHash,
    paragraphCount: row.paragraphs.length,
    paragraphs: row.paragraphs,
  };
}

/** The revision the article shows now; null before it was first stored. */
export async function currentRevision(db: Database, articleId: string): Promise<StoredRevision | null> {
  if (!isId(articleId)) return null;
  const [row] = await db
    .select({ revision: articles.revision })
    .from(articles)
    .where(eq(articles.id, articleId));
  return row && row.revision > 0 ? getRevision(db, articleId, row.revision) : null;
}

/** An unchanged refetch leaves only this trace: when the page was last looked at. */
export async function touchFetched(db: Database, articleId: string): Promise<void> {
  await db.update(articles).set({ fetchedAt: new Date() }).where(eq(articles.id, articleId));
}

export interface StaleBriefingMark {
  storyId: string;
  briefingId: string;
  points: BriefingMarkPoint[];
}

interface CitingPoint {
  n: number;
  sentences: Array<{ citations: Array<{ articleId: string; paragraph: number }> }>;
}

/**
 * Marks the key points of the article's story's latest briefing that cite a paragraph of this article the new
 * revision changed (by old paragraph number). Returns the story even when no point needed a mark, so that the
 * caller can ask for a rebuild; null when the article is in no story.
 */
export async function markStaleBriefingPoints(
  db: Database,
  articleId: string,
  revision: number,
  stale: ReadonlyMap<number, BriefingMarkPoint["reason"]>,
): Promise<StaleBriefingMark | { storyId: string; briefingId: null; points: [] } | null> {
  const story = await storyOfArticle(db, articleId);
  if (!story) return null;
  const found = await db.execute(
    sql`select id::text as id, content from briefings where scope = 'story' and subject_id = ${story.storyId}
        order by version desc limit 1`,
  );
  const briefing = found.rows[0] as { id: string; content: { keyPoints?: CitingPoint[] } } | undefined;
  if (!briefing) return { storyId: story.storyId, briefingId: null, points: [] };
  const points: BriefingMarkPoint[] = [];
  const id = articleId.toLowerCase();
  for (const point of briefing.content.keyPoints ?? []) {
    const cited = new Set<number>();
    for (const sentence of point.sentences ?? [])
      for (const c of sentence.citations ?? [])
        if (c.articleId.toLowerCase() === id && stale.has(c.paragraph)) cited.add(c.paragraph);
    for (const paragraph of [...cited].sort((a, b) => a - b))
      points.push({ point: point.n, paragraph, reason: stale.get(paragraph)! });
  }
  if (points.length > 0)
    await db
      .insert(briefingMarks)
      .values({ briefingId: briefing.id, articleId, revision, points })
      .onConflictDoUpdate({
        target: [briefingMarks.briefingId, briefingMarks.articleId, briefingMarks.revision],
        set: { points },
      });
  return { storyId: story.storyId, briefingId: briefing.id, points };
}

export interface StaleBriefingPoint extends BriefingMarkPoint {
  articleId: string;
  revision: number;
}

/**
 * Marks on the story's latest briefing: key points citing a paragraph that changed since it was built. A
 * rebuilt briefing is a new row, so marks of the one before stop showing by themselves.
 */
export async function staleBriefingPoints(db: Database, storyId: string): Promise<StaleBriefingPoint[]> {
  if (!isId(storyId)) return [];
  const found = await db.execute(
    sql`select m.article_id::text as article_id, m.revision, m.points from briefing_marks m
        where m.briefing_id = (select id from briefings where scope = 'story' and subject_id = ${storyId}
                               order by version desc limit 1)
        order by m.created_at`,
  );
  return (found.rows as Array<{ article_id: string; revision: number; points: BriefingMarkPoint[] }>).flatMap(
    (row) => row.points.map((p) => ({ ...p, articleId: row.article_id, revision: row.revision })),
  );
}
