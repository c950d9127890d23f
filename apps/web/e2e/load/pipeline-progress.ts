import type { Database } from "@parallax/db";

/** How far the pipeline has taken a set of articles, read from Postgres. */
export interface PipelineProgress {
  at: number;
  statuses: Record<string, number>;
  /** Not yet normalized (queued or processing). */
  unfinished: number;
  enriched: number;
  inStory: number;
}

export async function pipelineProgress(db: Database, ids: string[]): Promise<PipelineProgress> {
  const [statuses, enriched, inStory] = await Promise.all([
    db.$client.query<{ status: string; n: number }>(
      "select status, count(*)::int as n from articles where id = any($1::uuid[]) group by status",
      [ids],
    ),
    db.$client.query<{ n: number }>(
      "select count(*)::int as n from article_enrichment where article_id = any($1::uuid[]) and error is null",
      [ids],
    ),
    db.$client.query<{ n: number }>(
      "select count(*)::int as n from article_stories where article_id = any($1::uuid[])",
      [ids],
    ),
  ]);
  const counts = Object.fromEntries(statuses.rows.map((r) => [r.status, r.n]));
  return {
    at: Date.now(),
    statuses: counts,
    unfinished: (counts.queued ?? 0) + (counts.processing ?? 0),
    enriched: enriched.rows[0]?.n ?? 0,
    inStory: inStory.rows[0]?.n ?? 0,
  };
}
