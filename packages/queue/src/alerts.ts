import { queueKeyPrefix } from "./connection";
import { type JobsOptions, Queue } from "bullmq";
import { z } from "zod";
import type { QueueSettings } from "./ingest";

export const ALERTS_QUEUE = "alerts";
export const WEBHOOKS_QUEUE = "webhooks";

/** Match watches against a newly enriched article, or against a story whose briefing got a new version. */
export const zAlertsJob = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("article"), articleId: z.uuid() }),
  z.object({ kind: z.literal("briefing"), storyId: z.uuid(), version: z.number().int().min(1) }),
]);
export type AlertsJob = z.infer<typeof zAlertsJob>;

/** Post one recorded alert to its watch's webhook. */
export const zWebhookJob = z.object({ alertId: z.uuid() });
export type WebhookJob = z.infer<typeof zWebhookJob>;

const alertsJobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/**
 * 8 attempts, 30 s doubling: 30 s, 1, 2, 4, 8, 16 and 32 min — a receiver that is down for about an hour still
 * gets every alert; after that the delivery is marked failed and shown so on /alerts.
 */
export const WEBHOOK_ATTEMPTS = 8;
export const webhookJobOptions: JobsOptions = {
  attempts: WEBHOOK_ATTEMPTS,
  backoff: { type: "exponential", delay: 30_000 },
  removeOnComplete: { age: 24 * 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

export function createAlertsQueue({ connection, prefix }: QueueSettings, options: Partial<JobsOptions> = {}) {
  return new Queue<AlertsJob>(ALERTS_QUEUE, {
    connection,
    prefix: queueKeyPrefix(prefix),
    defaultJobOptions: { ...alertsJobOptions, ...options },
  });
}

export function createWebhooksQueue(
  { connection, prefix }: QueueSettings,
  options: Partial<JobsOptions> = {},
) {
  return new Queue<WebhookJob>(WEBHOOKS_QUEUE, {
    connection,
    prefix: queueKeyPrefix(prefix),
    defaultJobOptions: { ...webhookJobOptions, ...options },
  });
}

/** Alerts are recorded once anyway (unique per watch and subject); deduplication only saves repeated work. */
export async function enqueueAlerts(queue: Queue<AlertsJob>, job: AlertsJob): Promise<void> {
  const data = zAlertsJob.parse(job);
  const id =
    data.kind === "article"
      ? `alerts-article-${data.articleId}`
      : `alerts-story-${data.storyId}-${data.version}`;
  await queue.add(data.kind, data, { deduplication: { id } });
}

/** The alert id is the job id: one delivery per alert, however often it is asked for. */
export async function enqueueWebhook(queue: Queue<WebhookJob>, alertId: string): Promise<void> {
  await queue.add("webhook", zWebhookJob.parse({ alertId }), { jobId: `webhook-${alertId}` });
}
