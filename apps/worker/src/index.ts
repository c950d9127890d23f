import { type Database, fillSearchText } from "@parallax/db";
import {
  type BriefJob,
  type ClusterJob,
  createBriefQueue,
  createClusterQueue,
  createEnrichQueue,
  createIngestQueue,
  createMaintenanceQueue,
  createRedis,
  type EnrichJob,
  type IngestJob,
  scheduleReconciler,
} from "@parallax/queue";
import type { Queue } from "bullmq";
import { createEnrichWorker } from "./enrich/worker";
import type { FetchLimits } from "./ingest/fetch-page";
import { createIngestWorker } from "./ingest/worker";
import { Politeness, type PolitenessConfig } from "./politeness";
import { reconcile } from "./maintenance/reconcile";
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
  /** Enrichment is CPU-bound: more than one job per core only adds contention. */
  enrichConcurrency?: number;
  /** Limits of one page fetch; politeness is added by startWorkers. */
  fetchLimits: Omit<FetchLimits, "politeness">;
  /** Per-host limit, robots.txt and User-Agent (defaults: 2 at once, 1 s apart, Parallax's own User-Agent). */
  politeness?: PolitenessConfig;
  log?: (line: string) => void;
}

export interface RunningWorkers {
  ingestQueue: Queue<IngestJob>;
  enrichQueue: Queue<EnrichJob>;
  clusterQueue: Queue<ClusterJob>;
  briefQueue: Queue<BriefJob>;
  /** The per-host limiter, robots.txt cache and User-Agent every fetch of this process goes through. */
  politeness: Politeness;
  /** Stops taking jobs, lets active ones finish, then closes Redis. The caller closes the database. */
  close(): Promise<void>;
}

export async function startWorkers(config: WorkerConfig): Promise<RunningWorkers> {
  const log = config.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const connection = createRedis(config.redisUrl, "worker");
  const settings = { connection, prefix: config.prefix };
  const ingestQueue = createIngestQueue(settings);
  const maintenanceQueue = createMaintenanceQueue(settings);
  const enrichQueue = createEnrichQueue(settings);
  const clusterQueue = createClusterQueue(settings);
  const briefQueue = createBriefQueue(settings);
  const politeness = new Politeness(connection, config.prefix, {
    // A slot outlives the longest legitimate fetch, and no longer: a crashed worker's slot comes back soon after.
    leaseMs: config.fetchLimits.timeoutMs + 10_000,
    ...config.politeness,
  });

  const ingest = createIngestWorker({
    ...settings,
    db: config.db,
    concurrency: config.concurrency,
    fetchLimits: { ...config.fetchLimits, politeness },
    enrichQueue,
    log,
  });
  const enrich = createEnrichWorker({
    ...settings,
    db: config.db,
    concurrency: config.enrichConcurrency ?? 1,
    clusterQueue,
    log,
  });
  const cluster = createClusterWorker({ ...settings, db: config.db, briefQueue, log });
  const brief = createBriefWorker({ ...settings, db: config.db, log });
  const maintenance = createMaintenanceWorker({
    ...settings,
    db: config.db,
    ingestQueue,
    enrichQueue,
    clusterQueue,
    log,
  });

  await scheduleReconciler(maintenanceQueue);
  const first = await reconcile(config.db, ingestQueue, enrichQueue, clusterQueue);
  if (first.enqueued || first.failed)
    log(`reconciler at start: ${first.enqueued} re-enqueued, ${first.failed} marked failed`);
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
    politeness,
    async close() {
      await Promise.all([
        ingest.close(),
        enrich.close(),
        cluster.close(),
        brief.close(),
        maintenance.close(),
      ]);
      await Promise.all(
        [ingestQueue, enrichQueue, clusterQueue, briefQueue, maintenanceQueue].map((queue) => queue.close()),
      );
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
