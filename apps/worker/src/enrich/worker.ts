import { ENRICHMENT_VERSION, enrichArticle, enrichmentTerms } from "@parallax/core/enrich";
import {
  corpusTermStats,
  type Database,
  loadEnrichmentInput,
  recordEnrichmentError,
  storeEnrichment,
} from "@parallax/db";
import {
  type AlertsJob,
  type ClusterJob,
  enqueueAlerts,
  ENRICH_QUEUE,
  enqueueCluster,
  type EnrichJob,
  type EnrichProgress,
  type QueueSettings,
  zEnrichJob,
  queueKeyPrefix,
  parseJobData,
} from "@parallax/queue";
import { type Job, type Queue, UnrecoverableError, Worker } from "bullmq";
import { outlastDatabaseOutages } from "../database-outage";
import type { JobLock } from "../job-lock";
import { throttledProgress } from "../progress";

export interface EnrichWorkerOptions extends QueueSettings {
  db: Database;
  concurrency: number;
  /** Where an enriched article goes next; absent in tests of enrichment alone. */
  clusterQueue?: Queue<ClusterJob>;
  /** Where an enriched article is matched against watches; absent in tests of enrichment alone. */
  alertsQueue?: Queue<AlertsJob>;
  log: (line: string) => void;
  jobLock?: JobLock;
}

type EnrichResult = { outcome: "written" | "unchanged" | "skipped" };

/**
 * Enrichment runs after an article is readable and never blocks it: a failure is recorded for the jobs page and
 * the article stays as it is. Database trouble is retried; a bug in a pure stage is not (it would fail again).
 */
export async function enrichOne(
  db: Database,
  articleId: string,
  report: (p: EnrichProgress) => Promise<void>,
) {
  const article = await loadEnrichmentInput(db, articleId);
  if (!article || (article.status !== "ready" && article.status !== "duplicate"))
    return { outcome: "skipped" } as const;
  const input = {
    paragraphs: article.paragraphs,
    language: article.language,
    publishedAt: article.publishedAt,
  };
  // Document frequencies of the terms this article could contribute, read before the pure stage runs.
  const stats = await corpusTermStats(db, enrichmentTerms(input));
  let result: ReturnType<typeof enrichArticle>;
  try {
    result = enrichArticle(input, {
      corpus: { documents: stats.documents, documentFrequency: (term) => stats.frequencies.get(term) ?? 0 },
      onStep: (step, done) => void report({ stage: step, percent: Math.round((done / 6) * 80) }),
    });
  } catch (error) {
    const message = `enrichment failed: ${error instanceof Error ? error.message : String(error)}`;
    await recordEnrichmentError(db, articleId, ENRICHMENT_VERSION, message);
    throw new UnrecoverableError(message);
  }
  await report({ stage: "store", percent: 90 });
  const outcome = await storeEnrichment(db, articleId, result.enrichment, result.termCounts);
  await report({ stage: "done", percent: 100 });
  return { outcome };
}

export function createEnrichWorker(options: EnrichWorkerOptions): Worker<EnrichJob, EnrichResult> {
  const worker = new Worker<EnrichJob, EnrichResult>(
    ENRICH_QUEUE,
    outlastDatabaseOutages(options.db, options.log, async (job: Job<EnrichJob, EnrichResult>) => {
      const { articleId } = parseJobData(zEnrichJob, job);
      const progress = throttledProgress<EnrichProgress>((p) => job.updateProgress(p));
      const result = await enrichOne(options.db, articleId, progress.report).finally(progress.close);
      // Unchanged output still goes on: the article may be in no story yet (stored before a restart).
      if (options.clusterQueue && result.outcome !== "skipped")
        await enqueueCluster(options.clusterQueue, articleId);
      if (options.alertsQueue && result.outcome !== "skipped")
        await enqueueAlerts(options.alertsQueue, { kind: "article", articleId });
      return result;
    }),
    {
      connection: options.connection,
      prefix: queueKeyPrefix(options.prefix),
      concurrency: options.concurrency,
      lockDuration: 60_000,
      ...options.jobLock,
    },
  );
  worker.on("error", (error) => options.log(`enrich worker error: ${error.message}`));
  return worker;
}
