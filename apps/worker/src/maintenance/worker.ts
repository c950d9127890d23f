import type { Database } from "@parallax/db";
import {
  type ClusterJob,
  type EnrichJob,
  type FeedPollJob,
  type IngestJob,
  MAINTENANCE_QUEUE,
  type MaintenanceJob,
  parseJobData,
  type QueueSettings,
  queueKeyPrefix,
  zMaintenanceJob,
} from "@parallax/queue";
import { type Queue, Worker } from "bullmq";
import { reconcileFeedSchedulers } from "../feeds/reconcile";
import { type ReconcileReport, reconcile } from "./reconcile";

export function createMaintenanceWorker(
  options: QueueSettings & {
    db: Database;
    ingestQueue: Queue<IngestJob>;
    enrichQueue: Queue<EnrichJob>;
    clusterQueue: Queue<ClusterJob>;
    /** Feeds whose polling schedule is missing get it back. */
    feedsQueue?: Queue<FeedPollJob>;
    log: (line: string) => void;
  },
): Worker<MaintenanceJob, ReconcileReport> {
  const worker = new Worker<MaintenanceJob, ReconcileReport>(
    MAINTENANCE_QUEUE,
    async (job) => {
      parseJobData(zMaintenanceJob, job);
      const report = await reconcile(
        options.db,
        options.ingestQueue,
        options.enrichQueue,
        options.clusterQueue,
      );
      if (report.enqueued || report.failed) {
        options.log(
          `reconciler: ${report.enqueued} re-enqueued, ${report.failed} marked failed of ${report.checked}`,
        );
      }
      if (options.feedsQueue) {
        const schedules = await reconcileFeedSchedulers(options.db, options.feedsQueue);
        if (schedules) options.log(`reconciler: ${schedules} feed polling schedules re-created`);
      }
      return report;
    },
    { connection: options.connection, prefix: queueKeyPrefix(options.prefix), concurrency: 1 },
  );
  worker.on("error", (error) => options.log(`maintenance worker error: ${error.message}`));
  return worker;
}
