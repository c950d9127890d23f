import { getArticleSummary } from "@parallax/db";
import { type IngestProgress, zIngestProgress } from "@parallax/queue";
import type { Context } from "../trpc";

export interface ArticleProgress {
  id: string;
  status: string;
  error: string | null;
  title: string | null;
  progress: IngestProgress | null;
  attemptsMade: number;
}

/** The article's state from Postgres and, while it is in the pipeline, its job's stage from Redis. */
export async function articleProgress(ctx: Context, id: string): Promise<ArticleProgress | null> {
  const article = await getArticleSummary(ctx.db, id);
  if (!article) return null;
  let progress: IngestProgress | null = null;
  let attemptsMade = 0;
  if (article.status === "queued" || article.status === "processing") {
    // Progress is a nicety: when Redis is unreachable the status from Postgres still answers.
    const job = await ctx.ingestQueue.getJob(id).catch(() => undefined);
    const parsed = zIngestProgress.safeParse(job?.progress);
    progress = parsed.success ? parsed.data : { stage: "queued", percent: 0 };
    attemptsMade = job?.attemptsMade ?? 0;
  } else {
    progress = { stage: "done", percent: 100 };
  }
  return { id, status: article.status, error: article.error, title: article.title, progress, attemptsMade };
}
