import type { NormalizeLimits } from "@parallax/core/normalize";
import { type Database, setArticleStatus } from "@parallax/db";
import {
  type BriefJob,
  type EnrichJob,
  enqueueBrief,
  enqueueEnrich,
  INGEST_QUEUE,
  type IngestJob,
  type IngestProgress,
  type QueueSettings,
  zIngestJob,
  queueKeyPrefix,
  parseJobData,
} from "@parallax/queue";
import { DelayedError, type Job, type Queue, UnrecoverableError, Worker } from "bullmq";
import { ingestFromFeedSummary } from "../feeds/fallback";
import { HostBusyError } from "../politeness";
import { outlastDatabaseOutages } from "../database-outage";
import type { JobLock } from "../job-lock";
import { throttledProgress } from "../progress";
import type { FetchLimits } from "./fetch-page";
import type { NormalizerPool } from "./normalizer-pool";
import { type IngestOutcome, PermanentError, processArticle } from "./process";
import { type RefetchOutcome, refetchArticle } from "./refetch";
import { reprocessArticle } from "./reprocess";

export interface IngestWorkerOptions extends QueueSettings {
  db: Database;
  concurrency: number;
  fetchLimits: FetchLimits;
  /** Size, element and time limits of one document (the normalizer's defaults for any left out). */
  normalizeLimits?: Partial<NormalizeLimits>;
  /** Where a readable article goes next. */
  enrichQueue: Queue<EnrichJob>;
  /** Where a refetched article's changed text asks for its story's briefing to be rebuilt. */
  briefQueue?: Queue<BriefJob>;
  log: (line: string) => void;
  jobLock?: JobLock;
  /** Where documents are normalized, with memory and time limits; in the worker's own thread when absent. */
  normalizer?: NormalizerPool;
}

export function createIngestWorker(
  options: IngestWorkerOptions,
): Worker<IngestJob, IngestOutcome | RefetchOutcome> {
  const { db, log } = options;
  // The reconciler enqueues any readable article left without enrichment, so a Redis hiccup here loses nothing.
  const enrichNext = (articleId: string) =>
    enqueueEnrich(options.enrichQueue, articleId).catch((error: Error) =>
      log(`enrichment of ${articleId} deferred to the reconciler: ${error.message}`),
    );
  /** A refetch never fails the article: its stored revision stays readable and the job's error says why. */
  const refetch = async (articleId: string): Promise<RefetchOutcome> => {
    try {
      const outcome = await refetchArticle(articleId, {
        db,
        fetchLimits: options.fetchLimits,
        normalizeLimits: options.normalizeLimits,
        rebuildBriefing: async (storyId) => {
          if (!options.briefQueue) return;
          await enqueueBrief(options.briefQueue, storyId).catch((error: Error) =>
            log(`briefing rebuild of story ${storyId} not queued: ${error.message}`),
          );
        },
      });
      if (outcome.status === "changed") {
        log(
          `article ${articleId}: revision ${outcome.revision}, ${outcome.changedParagraphs} paragraphs changed`,
        );
        await enrichNext(articleId);
      }
      return outcome;
    } catch (error) {
      if (error instanceof PermanentError) throw new UnrecoverableError(error.message);
      throw error;
    }
  };
  const worker = new Worker<IngestJob, IngestOutcome | RefetchOutcome>(
    INGEST_QUEUE,
    outlastDatabaseOutages(db, log, async (job: Job<IngestJob, IngestOutcome | RefetchOutcome>, token) => {
      const { articleId, runId } = parseJobData(zIngestJob, job);
      if (job.name === "refetch") return refetch(articleId);
      if (runId) {
        // Reprocessing keeps the article readable throughout and reports instead of failing it.
        if ((await reprocessArticle(db, articleId, runId, options.normalizeLimits)) === "changed")
          await enrichNext(articleId);
        return { status: "skipped" };
      }
      const progress = throttledProgress<IngestProgress>((p) => job.updateProgress(p));
      try {
        const outcome = await processArticle(articleId, {
          db,
          fetchLimits: options.fetchLimits,
          normalizeLimits: options.normalizeLimits,
          report: progress.report,
          ...(options.normalizer ? { normalizer: options.normalizer } : {}),
        }).finally(progress.close);
        if (outcome.status !== "skipped") await enrichNext(articleId);
        return outcome;
      } catch (error) {
        if (error instanceof HostBusyError && token) {
          // Waiting for a busy site is not a failed attempt: the job steps aside (freeing this worker slot for
          // other sites) and comes back when a slot is likely free, its attempts untouched.
          await setArticleStatus(db, articleId, "queued", error.message).catch(() => {});
          await job.moveToDelayed(Date.now() + error.retryAfterMs + Math.random() * 1_000, token);
          throw new DelayedError(error.message);
        }
        const message = error instanceof Error ? error.message : String(error);
        const permanent = error instanceof PermanentError;
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (permanent || lastAttempt) {
          // A feed item's page that cannot be had becomes an article of the feed's summary (issue 8).
          const fromFeed = await ingestFromFeedSummary(db, articleId).catch(() => null);
          if (fromFeed) {
            log(`article ${articleId} built from its feed summary: ${message}`);
            if (fromFeed.status !== "skipped") await enrichNext(articleId);
            return fromFeed;
          }
          // Record the reason first: if this write fails too, the job retries and the reconciler has a record.
          await setArticleStatus(db, articleId, "failed", message);
          log(`article ${articleId} failed: ${message}`);
        } else {
          // Best effort: the job retries whether or not this note reaches the database.
          await setArticleStatus(
            db,
            articleId,
            "queued",
            `attempt ${job.attemptsMade + 1} failed: ${message}`,
          ).catch(() => {});
        }
        throw permanent ? new UnrecoverableError(message) : error;
      }
    }),
    {
      connection: options.connection,
      prefix: queueKeyPrefix(options.prefix),
      concurrency: options.concurrency,
      // A killed worker's job is handed to another after this long without a lock renewal.
      lockDuration: 30_000,
      ...options.jobLock,
    },
  );
  worker.on("error", (error) => log(`ingest worker error: ${error.message}`));
  return worker;
}
