import type { Database } from "@parallax/db";
import {
  createIngestQueue,
  createMaintenanceQueue,
  createRedis,
  type IngestJob,
  scheduleReconciler,
} from "@parallax/queue";
import type { Queue } from "bullmq";
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
  fetchLimits: FetchLimits;
  log?: (line: string) => void;
}

export interface RunningWorkers {
  ingestQueue: Queue<IngestJob>;
  /** Stops taking jobs, lets active ones finish, then closes Redis. The caller closes the database. */
  close(): Promise<void>;
}

export async function startWorkers(config: WorkerConfig): Promise<RunningWorkers> {
  const log = config.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const connection = createRedis(config.redisUrl, "worker");
  const settings = { connection, prefix: config.prefix };
  const ingestQueue = createIngestQueue(settings);
  const maintenanceQueue = createMaintenanceQueue(settings);

  const ingest = createIngestWorker({
    ...settings,
    db: config.db,
    concurrency: config.concurrency,
    fetchLimits: config.fetchLimits,
    log,
  });
  const maintenance = createMaintenanceWorker({ ...settings, db: config.db, ingestQueue, log });

  await scheduleReconciler(maintenanceQueue);
  const first = await reconcile(config.db, ingestQueue);
  if (first.enqueued || first.failed)
    log(`reconciler at start: ${first.enqueued} re-enqueued, ${first.failed} marked failed`);

  return {
    ingestQueue,
    async close() {
      await Promise.all([ingest.close(), maintenance.close()]);
      await Promise.all([ingestQueue.close(), maintenanceQueue.close()]);
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
