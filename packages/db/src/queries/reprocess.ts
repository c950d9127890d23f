import { and, count, desc, eq, gte, inArray, isNull, lt, or } from "drizzle-orm";
import type { Database } from "../client";
import { articles, rawDocuments, reprocessResults, reprocessRuns } from "../schema/index";

export type ReprocessScope = { kind: "all" } | { kind: "since"; since: string } | { kind: "outdated" };

/** Articles worth rebuilding: everything with a stored body or a failure a newer engine might overcome. */
const REBUILDABLE = ["ready", "duplicate", "failed"];

/** Records a run and returns the ids of the articles in its scope. */
export async function createReprocessRun(db: Database, scope: ReprocessScope, normalizerVersion: number) {
  const where = and(
    inArray(articles.status, REBUILDABLE),
    scope.kind === "since" ? gte(articles.createdAt, new Date(scope.since)) : undefined,
    scope.kind === "outdated"
      ? or(isNull(articles.normalizerVersion), lt(articles.normalizerVersion, normalizerVersion))
      : undefined,
  );
  const ids = (
    await db.select({ id: articles.id }).from(articles).where(where).orderBy(articles.createdAt)
  ).map((r) => r.id);
  const [run] = await db
    .insert(reprocessRuns)
    .values({
      scope: scope.kind,
      since: scope.kind === "since" ? new Date(scope.since) : null,
      normalizerVersion,
      total: ids.length,
    })
    .returning({ id: reprocessRuns.id });
  return { runId: run!.id, articleIds: ids };
}

/** The last page fetched for an article: what a URL submission is rebuilt from, without fetching again. */
export async function loadLatestFetch(db: Database, articleId: string) {
  const [row] = await db
    .select({ url: rawDocuments.url, bytes: rawDocuments.bytes, contentType: rawDocuments.contentType })
    .from(rawDocuments)
    .where(and(eq(rawDocuments.articleId, articleId), eq(rawDocuments.kind, "fetch")))
    .orderBy(desc(rawDocuments.createdAt))
    .limit(1);
  return row?.bytes ? { url: row.url ?? "", bytes: row.bytes, contentType: row.contentType } : null;
}

export async function recordReprocessResult(
  db: Database,
  result: {
    runId: string;
    articleId: string;
    outcome: "unchanged" | "changed" | "failed";
    changes: string[];
    error?: string;
  },
) {
  await db
    .insert(reprocessResults)
    .values({ ...result, error: result.error ?? null })
    .onConflictDoUpdate({
      target: [reprocessResults.runId, reprocessResults.articleId],
      set: {
        outcome: result.outcome,
        changes: result.changes,
        error: result.error ?? null,
        finishedAt: new Date(),
      },
    });
}

export interface ReprocessReport {
  runId: string;
  scope: string;
  total: number;
  done: number;
  unchanged: number;
  changed: number;
  failed: number;
  /** Up to 50 changed and 50 failed articles, with what changed or why it failed. */
  details: {
    articleId: string;
    title: string | null;
    outcome: string;
    changes: string[];
    error: string | null;
  }[];
}

export async function getReprocessReport(db: Database, runId: string): Promise<ReprocessReport | null> {
  const [run] = await db.select().from(reprocessRuns).where(eq(reprocessRuns.id, runId));
  if (!run) return null;
  const counts = await db
    .select({ outcome: reprocessResults.outcome, n: count() })
    .from(reprocessResults)
    .where(eq(reprocessResults.runId, runId))
    .groupBy(reprocessResults.outcome);
  const by = Object.fromEntries(counts.map((c) => [c.outcome, c.n]));
  const details = await db
    .select({
      articleId: reprocessResults.articleId,
      title: articles.title,
      outcome: reprocessResults.outcome,
      changes: reprocessResults.changes,
      error: reprocessResults.error,
    })
    .from(reprocessResults)
    .innerJoin(articles, eq(articles.id, reprocessResults.articleId))
    .where(and(eq(reprocessResults.runId, runId), inArray(reprocessResults.outcome, ["changed", "failed"])))
    .orderBy(desc(reprocessResults.finishedAt))
    .limit(100);
  const unchanged = by.unchanged ?? 0;
  const changed = by.changed ?? 0;
  const failed = by.failed ?? 0;
  return {
    runId,
    scope: run.scope,
    total: run.total,
    done: unchanged + changed + failed,
    unchanged,
    changed,
    failed,
    details,
  };
}
