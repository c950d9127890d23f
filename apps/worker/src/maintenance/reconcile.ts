import { ENRICHMENT_VERSION } from "@parallax/core/enrich";
import {
  type Database,
  listArticlesNeedingEnrichment,
  listArticlesWithoutStory,
  listUnfinishedArticleIds,
  loadSubmission,
  setArticleStatus,
} from "@parallax/db";
import {
  type ClusterJob,
  clusterDedupId,
  type EnrichJob,
  enrichDedupId,
  enqueueCluster,
  enqueueEnrich,
  enqueueIngest,
  type IngestJob,
} from "@parallax/queue";
import type { Queue } from "bullmq";

export interface ReconcileReport {
  checked: number;
  enqueued: number;
  failed: number;
  /** Readable articles without an enrichment of the current version, sent (again) to the enrich queue. */
  enrichQueued: number;
  /** Enriched articles in no story, sent (again) to the cluster queue. */
  clusterQueued: number;
}

/**
 * Makes the queue agree with the database, which is the source of truth: every article still `queued` or
 * `processing` must have a live job. Jobs vanish when Redis loses its data or a job's record is trimmed.
 */
export async function reconcile(
  db: Database,
  queue: Queue<IngestJob>,
  enrichQueue?: Queue<EnrichJob>,
  clusterQueue?: Queue<ClusterJob>,
): Promise<ReconcileReport> {
  const ids = await listUnfinishedArticleIds(db);
  const report: ReconcileReport = {
    checked: ids.length,
    enqueued: 0,
    failed: 0,
    enrichQueued: 0,
    clusterQueued: 0,
  };
  const settle = async (id: string): Promise<"enqueued" | "failed" | null> => {
    const job = await queue.getJob(id);
    if (!job) {
      await enqueueIngest(queue, id);
      return "enqueued";
    }
    const state = await job.getState();
    if (state === "failed") {
      // The job gave up but could not record why (the database was away at that moment).
      await setArticleStatus(db, id, "failed", job.failedReason || "processing failed");
      return "failed";
    }
    if (state === "completed" || state === "unknown") {
      // A job that completed after the list was read has stored its article by now: nothing to do again.
      const now = await loadSubmission(db, id);
      if (now?.status !== "queued" && now?.status !== "processing") return null;
      await job.remove().catch(() => {});
      await enqueueIngest(queue, id);
      return "enqueued";
    }
    return null;
  };
  // In batches: after Redis lost its data every unfinished article needs a job, and one round trip after
  // another would keep a thousand of them waiting for half a minute.
  for (const outcome of await inBatches(ids, settle)) if (outcome) report[outcome]++;
  if (enrichQueue) {
    const candidates = await listArticlesNeedingEnrichment(db, ENRICHMENT_VERSION, 1_000);
    const idle = await withoutPendingJob(enrichQueue, candidates, enrichDedupId);
    for (const id of await listArticlesNeedingEnrichment(db, ENRICHMENT_VERSION, 1_000, idle)) {
      await enqueueEnrich(enrichQueue, id);
      report.enrichQueued++;
    }
  }
  if (clusterQueue) {
    const candidates = await listArticlesWithoutStory(db, 1_000);
    const idle = await withoutPendingJob(clusterQueue, candidates, clusterDedupId);
    for (const id of await listArticlesWithoutStory(db, 1_000, idle)) {
      await enqueueCluster(clusterQueue, id);
      report.clusterQueued++;
    }
  }
  return report;
}

/**
 * The articles among `ids` with no job waiting or running in `queue`. The caller reads Postgres again for those:
 * a job that finished between the first read and this look has written its result by then, and enqueueing it
 * anew would run the stage twice for one article.
 */
async function withoutPendingJob(
  queue: Queue<EnrichJob> | Queue<ClusterJob>,
  ids: readonly string[],
  dedupId: (articleId: string) => string,
): Promise<string[]> {
  const pending = await inBatches(ids, (id) => queue.getDeduplicationJobId(dedupId(id)));
  return ids.filter((_, i) => !pending[i]);
}

const BATCH = 50;

async function inBatches<T>(ids: readonly string[], each: (id: string) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < ids.length; i += BATCH)
    results.push(...(await Promise.all(ids.slice(i, i + BATCH).map(each))));
  return results;
}
