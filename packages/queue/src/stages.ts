import type { Queue } from "bullmq";
import type { RedisConnection } from "./connection";
import { createAlertsQueue, createWebhooksQueue } from "./alerts";
import { createEnrichQueue } from "./enrich";
import { createFeedsQueue } from "./feeds";
import { createIngestQueue } from "./ingest";
import { createMaintenanceQueue } from "./maintenance";
import { createBriefQueue, createClusterQueue } from "./stories";

import type { PipelineStage } from "./stage-names";

export { type JobState, jobStates, type PipelineStage, pipelineStages } from "./stage-names";

export type StageQueues = Record<PipelineStage, Queue>;

/** One Queue per stage on one connection, for tools that look at the whole pipeline (the /jobs page). */
export function createStageQueues(settings: { connection: RedisConnection; prefix: string }): StageQueues {
  return {
    feeds: createFeedsQueue(settings) as unknown as Queue,
    ingest: createIngestQueue(settings) as unknown as Queue,
    enrich: createEnrichQueue(settings) as unknown as Queue,
    cluster: createClusterQueue(settings) as unknown as Queue,
    brief: createBriefQueue(settings) as unknown as Queue,
    alerts: createAlertsQueue(settings) as unknown as Queue,
    webhooks: createWebhooksQueue(settings) as unknown as Queue,
    maintenance: createMaintenanceQueue(settings),
  };
}
