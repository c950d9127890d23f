import type { Database } from "@parallax/db";
import {
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
import { reconcile } from "./maintenance/reconcile";
import { createMaintenanceWorker } from "./maintenance/worker";

export { reconcile } from "./maintenance/reconcile";

export interface WorkerConfig {
  db: Database;
  redisUrl: string;
  prefix: string;
  concurrency: number;
  /** Enrichment is CPU-bound: more than one job per core only adds contention. */
  enrichConcurrency?: number;
  fetchLimits: FetchLimits;
  log?: (line: string) => void;
}

export interface RunningWorkers {
  ingestQueue: Queue<IngestJob>;
  enrichQueue: Queue<EnrichJob>;
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

  const ingest = createIngestWorker({
    ...settings,
    db: config.db,
    concurrency: config.concurrency,
    fetchLimits: config.fetchLimits,
    enrichQueue,
    log,
  });
  const enrich = createEnrichWorker({
    ...settings,
    db: config.db,
    concurrency: config.enrichConcurrency ?? 1,
    log,
  });
  const maintenance = createMaintenanceWorker({ ...settings, db: config.db, ingestQueue, enrichQueue, log });

  await scheduleReconciler(maintenanceQueue);
  const first = await reconcile(config.db, ingestQueue, enrichQueue);
  if (first.enqueued || first.failed)
    log(`reconciler at start: ${first.enqueued} re-enqueued, ${first.failed} marked failed`);

  return {
    ingestQueue,
    enrichQueue,
    async close() {
      await Promise.all([ingest.close(), enrich.close(), maintenance.close()]);
      await Promise.all([ingestQueue.close(), enrichQueue.close(), maintenanceQueue.close()]);
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
