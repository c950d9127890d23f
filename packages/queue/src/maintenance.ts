import { queueKeyPrefix } from "./connection";
import { Queue } from "bullmq";
import type { QueueSettings } from "./ingest";

export const MAINTENANCE_QUEUE = "maintenance";
export const RECONCILE_SCHEDULER = "reconcile";
/** How often stored-but-unqueued articles are looked for; also run once at worker start. */
export const RECONCILE_EVERY_MS = 60_000;

export function createMaintenanceQueue({ connection, prefix }: QueueSettings): Queue {
  return new Queue(MAINTENANCE_QUEUE, {
    connection,
    prefix: queueKeyPrefix(prefix),
    defaultJobOptions: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  });
}

export async function scheduleReconciler(queue: Queue): Promise<void> {
  await queue.upsertJobScheduler(
    RECONCILE_SCHEDULER,
    { every: RECONCILE_EVERY_MS },
    { name: "reconcile", data: {} },
  );
}
