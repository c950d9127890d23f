import { availableParallelism } from "node:os";
import type { NormalizeLimits } from "@parallax/core/normalize";
import { type Database, fillSearchText } from "@parallax/db";
import {
  type AlertsJob,
  type BriefJob,
  type ClusterJob,
  createAlertsQueue,
  createBriefQueue,
  createClusterQueue,
  createEnrichQueue,
  createFeedsQueue,
  createIngestQueue,
  createMaintenanceQueue,
  createRedis,
  createWebhooksQueue,
  type EnrichJob,
  type FeedPollJob,
  type IngestJob,
  scheduleReconciler,
  type WebhookJob,
} from "@parallax/queue";
import { FetchGuard, type FetchGuardOptions } from "@parallax/net";
import type { JobsOptions, Queue } from "bullmq";
import { createAlertsWorker, createWebhooksWorker } from "./alerts/worker";
import { createEnrichWorker } from "./enrich/worker";
import { reconcileFeedSchedulers } from "./feeds/reconcile";
import { createFeedsWorker } from "./feeds/worker";
import type { FetchLimits } from "./ingest/fetch-page";
import { type NormalizerLimits, NormalizerPool } from "./ingest/normalizer-pool";
import { createIngestWorker } from "./ingest/worker";
import { createLog } from "./log";
import type { JobLock } from "./job-lock";
import { Politeness, type PolitenessConfig } from "./politeness";
import { reconcile } from "./maintenance/reconcile";
import { onReconnect } from "./maintenance/on-reconnect";
import { createMaintenanceWorker } from "./maintenance/worker";
import { createBriefWorker } from "./stories/brief";
import { createClusterWorker } from "./stories/cluster";

export { reconcile } from "./maintenance/reconcile";
export * from "./politeness";

export interface WorkerConfig {
  db: Database;
  redisUrl: string;
  prefix: string;
  concurrency: number;
  /** Enrichment jobs at once, 1 unless given (the worker process's ENRICH_CONCURRENCY defaults to 2). */
  enrichConcurrency?: number;
  /** Limits of one page fetch; politeness and the address guard are added by startWorkers. */
  fetchLimits: Omit<FetchLimits, "politeness" | "guard">;
  /**
   * Which addresses pages, feeds, robots.txt and webhooks may reach beyond the public internet
   * (FETCH_ALLOW_HOSTS), and in tests the resolver; nothing private without it.
   */
  net?: FetchGuardOptions;
  /** Size, element and time limits of one document; the normalizer's defaults for any left out. */
  normalizeLimits?: Partial<NormalizeLimits>;
  /** Per-host limit, robots.txt and User-Agent (defaults: 2 at once, 1 s apart, Parallax's own User-Agent). */
  politeness?: PolitenessConfig;
  log?: (line: string) => void;
  /** The web app's address, for links in webhook payloads; `http://localhost:3000` unless given. */
  publicUrl?: string;
  /** How long a webhook receiver gets to answer (10 s unless given). */
  webhookTimeoutMs?: number;
  /** Overrides of the webhook jobs' options (tests shorten the backoff). */
  webhookJobOptions?: Partial<JobsOptions>;
  /** Lock timing of the pipeline workers (ingest, enrich, cluster, brief); each worker's own when absent. */
  jobLock?: JobLock;
  /** Normalize in threads with these limits, so a runaway document cannot block or crash the worker. */
  normalizerLimits?: NormalizerLimits;
}

export interface RunningWorkers {
  ingestQueue: Queue<IngestJob>;
  enrichQueue: Queue<EnrichJob>;
  clusterQueue: Queue<ClusterJob>;
  briefQueue: Queue<BriefJob>;
  feedsQueue: Queue<FeedPollJob>;
  alertsQueue: Queue<AlertsJob>;
  webhooksQueue: Queue<WebhookJob>;
  /** The per-host limiter, robots.txt cache and User-Agent every fetch of this process goes through. */
  politeness: Politeness;
  /** Stops taking jobs, lets active ones finish, then closes Redis. The caller closes the database. */
  close(): Promise<void>;
}

export async function startWorkers(config: WorkerConfig): Promise<RunningWorkers> {
  const log = config.log ?? createLog();
  const connection = createRedis(config.redisUrl, "worker");
  const settings = { connection, prefix: config.prefix };
  const ingestQueue = createIngestQueue(settings);
  const maintenanceQueue = createMaintenanceQueue(settings);
  const enrichQueue = createEnrichQueue(settings);
  const clusterQueue = createClusterQueue(settings);
  const briefQueue = createBriefQueue(settings);
  const feedsQueue = createFeedsQueue(settings);
  const alertsQueue = createAlertsQueue(settings);
  const webhooksQueue = createWebhooksQueue(settings, config.webhookJobOptions);
  // One dispatcher for every fetch of this process: its connections are pooled, and all of them checked.
  const guard = new FetchGuard({ connectTimeoutMs: config.fetchLimits.timeoutMs, ...config.net });
  const politeness = new Politeness(connection, config.prefix, {
    // A slot outlives the longest legitimate fetch, and no longer: a crashed worker's slot comes back soon after.
    leaseMs: config.fetchLimits.timeoutMs + 10_000,
    guard,
    ...config.politeness,
  });

  const normalizer = config.normalizerLimits
    ? new NormalizerPool(config.normalizerLimits, Math.min(config.concurrency, availableParallelism()))
    : undefined;
  const ingest = createIngestWorker({
    ...settings,
    db: config.db,
    concurrency: config.concurrency,
    fetchLimits: { ...config.fetchLimits, politeness, guard },
    ...(config.normalizeLimits ? { normalizeLimits: config.normalizeLimits } : {}),
    enrichQueue,
    briefQueue,
    log,
    jobLock: config.jobLock,
    ...(normalizer ? { normalizer } : {}),
  });
  const enrich = createEnrichWorker({
    ...settings,
    db: config.db,
    concurrency: config.enrichConcurrency ?? 1,
    clusterQueue,
    alertsQueue,
    log,
    jobLock: config.jobLock,
  });
  const cluster = createClusterWorker({
    ...settings,
    db: config.db,
    briefQueue,
    log,
    jobLock: config.jobLock,
  });
  const brief = createBriefWorker({ ...settings, db: config.db, alertsQueue, log, jobLock: config.jobLock });
  const feeds = createFeedsWorker({
    ...settings,
    db: config.db,
    feedsQueue,
    ingestQueue,
    fetchLimits: { ...config.fetchLimits, politeness, guard },
    log,
  });
  const alerts = createAlertsWorker({ ...settings, db: config.db, webhooksQueue, log });
  const webhooks = createWebhooksWorker({
    ...settings,
    db: config.db,
    publicUrl: config.publicUrl ?? "http://localhost:3000",
    ...(config.webhookTimeoutMs ? { timeoutMs: config.webhookTimeoutMs } : {}),
    guard,
    log,
  });
  const maintenance = createMaintenanceWorker({
    ...settings,
    db: config.db,
    feedsQueue,
    ingestQueue,
    enrichQueue,
    clusterQueue,
    log,
  });

  const stopRecovering = onReconnect(
    connection,
    async () => {
      log("Redis reconnected: scheduling the reconciler again and reconciling with Postgres");
      await scheduleReconciler(maintenanceQueue);
      const report = await reconcile(config.db, ingestQueue, enrichQueue, clusterQueue);
      const schedules = await reconcileFeedSchedulers(config.db, feedsQueue);
      log(
        `Redis reconnected: ${report.enqueued} articles re-enqueued, ` +
          `${report.failed} marked failed, ${schedules} feed polling schedules re-created`,
      );
    },
    log,
  );
  await normalizer
    ?.warm()
    .catch((error: Error) => log(`normalizer thread did not start ahead of time: ${error.message}`));
  await scheduleReconciler(maintenanceQueue);
  const first = await reconcile(config.db, ingestQueue, enrichQueue, clusterQueue);
  if (first.enqueued || first.failed)
    log(`reconciler at start: ${first.enqueued} re-enqueued, ${first.failed} marked failed`);
  const feedSchedulers = await reconcileFeedSchedulers(config.db, feedsQueue);
  if (feedSchedulers) log(`feeds at start: ${feedSchedulers} polling schedules re-created`);
  // CJK text stored before the search index existed is segmented once, so it becomes searchable (0005_search.sql).
  try {
    const segmented = await fillSearchText(config.db);
    if (segmented) log(`search index at start: segmented ${segmented} CJK titles and paragraphs`);
  } catch (error) {
    log(`search index at start: ${error instanceof Error ? error.message : String(error)}`);
  }

  return {
    ingestQueue,
    enrichQueue,
    clusterQueue,
    briefQueue,
    feedsQueue,
    alertsQueue,
    webhooksQueue,
    politeness,
    async close() {
      stopRecovering();
      await Promise.all([
        ingest.close(),
        enrich.close(),
        cluster.close(),
        brief.close(),
        alerts.close(),
        webhooks.close(),
        maintenance.close(),
        feeds.close(),
      ]);
      await Promise.all(
        [
          ingestQueue,
          enrichQueue,
          clusterQueue,
          briefQueue,
          alertsQueue,
          webhooksQueue,
          maintenanceQueue,
          feedsQueue,
        ].map((queue) => queue.close()),
      );
      await normalizer?.close();
      await connection.quit().catch(() => connection.disconnect());
      await guard.close().catch(() => {});
    },
  };
}
