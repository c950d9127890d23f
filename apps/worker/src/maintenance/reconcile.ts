import { ENRICHMENT_VERSION } from "@parallax/core/enrich";
import {
  type Database,
  listArticlesNeedingEnrichment,
  listArticlesWithoutStory,
  listUnfinishedArticleIds,
  setArticleStatus,
} from "@parallax/db";
import {
  type ClusterJob,
  type EnrichJob,
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
  for (const id of ids) {
    const job = await queue.getJob(id);
    if (!job) {
      await enqueueIngest(queue, id);
      report.enqueued++;
      continue;
    }
    const state = await job.getState();
    if (state === "failed") {
      // The job gave up but could not record why (the database was away at that moment).
      await setArticleStatus(db, id, "failed", job.failedReason || "processing failed");
      report.failed++;
    } else if (state === "completed" || state === "unknown") {
      await job.remove().catch(() => {});
      await enqueueIngest(queue, id);
      report.enqueued++;
    }
  }
  if (enrichQueue) {
    // Deduplicated per article, so asking for one already waiting costs nothing.
    for (const id of await listArticlesNeedingEnrichment(db, ENRICHMENT_VERSION, 1_000)) {
      await enqueueEnrich(enrichQueue, id);
      report.enrichQueued++;
    }
  }
  if (clusterQueue) {
    for (const id of await listArticlesWithoutStory(db, 1_000)) {
      await enqueueCluster(clusterQueue, id);
      report.clusterQueued++;
    }
  }
  return report;
}
