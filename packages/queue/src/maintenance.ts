import { queueKeyPrefix } from "./connection";
import { Queue } from "bullmq";
import { z } from "zod";
import type { QueueSettings } from "./ingest";

export const MAINTENANCE_QUEUE = "maintenance";
export const RECONCILE_SCHEDULER = "reconcile";
/** How often stored-but-unqueued articles are looked for; also run once at worker start. */
export const RECONCILE_EVERY_MS = 60_000;

/** The reconciler takes no input: its scheduler's jobs carry an empty object. */
export const zMaintenanceJob = z.strictObject({});
export type MaintenanceJob = z.infer<typeof zMaintenanceJob>;

export function createMaintenanceQueue({ connection, prefix }: QueueSettings): Queue<MaintenanceJob> {
  return new Queue<MaintenanceJob>(MAINTENANCE_QUEUE, {
    connection,
    prefix: queueKeyPrefix(prefix),
    defaultJobOptions: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  });
}

export async function scheduleReconciler(queue: Queue<MaintenanceJob>): Promise<void> {
  await queue.upsertJobScheduler(
    RECONCILE_SCHEDULER,
    { every: RECONCILE_EVERY_MS },
    { name: "reconcile", data: zMaintenanceJob.parse({}) },
  );
}
