import {
  type Database,
  deliveryContext,
  type RecordedAlert,
  recordArticleAlerts,
  recordBriefingAlerts,
  recordDeliveryAttempt,
} from "@parallax/db";
import type { FetchGuard } from "@parallax/net";
import {
  ALERTS_QUEUE,
  type AlertsJob,
  enqueueWebhook,
  type QueueSettings,
  WEBHOOKS_QUEUE,
  type WebhookJob,
  zAlertsJob,
  zWebhookJob,
  queueKeyPrefix,
  parseJobData,
} from "@parallax/queue";
import { type Job, type Queue, UnrecoverableError, Worker } from "bullmq";
import { postWebhook, WEBHOOK_TIMEOUT_MS, webhookPayload } from "./deliver";

type AlertsResult = { recorded: number; webhooks: number };

/** Records the alerts a new article or briefing version raises and queues their webhooks. */
export async function matchAlerts(
  db: Database,
  job: AlertsJob,
  webhooksQueue: Queue<WebhookJob> | undefined,
): Promise<AlertsResult> {
  const recorded: RecordedAlert[] =
    job.kind === "article"
      ? await recordArticleAlerts(db, job.articleId)
      : await recordBriefingAlerts(db, job.storyId, job.version);
  const hooked = recorded.filter((a) => a.webhook);
  if (webhooksQueue) for (const alert of hooked) await enqueueWebhook(webhooksQueue, alert.alertId);
  return { recorded: recorded.length, webhooks: hooked.length };
}

export interface AlertsWorkerOptions extends QueueSettings {
  db: Database;
  webhooksQueue: Queue<WebhookJob>;
  log: (line: string) => void;
}

export function createAlertsWorker(options: AlertsWorkerOptions): Worker<AlertsJob, AlertsResult> {
  const worker = new Worker<AlertsJob, AlertsResult>(
    ALERTS_QUEUE,
    async (job) => {
      return matchAlerts(options.db, parseJobData(zAlertsJob, job), options.webhooksQueue);
    },
    { connection: options.connection, prefix: queueKeyPrefix(options.prefix), concurrency: 2 },
  );
  worker.on("error", (error) => options.log(`alerts worker error: ${error.message}`));
  return worker;
}

export interface WebhooksWorkerOptions extends QueueSettings {
  db: Database;
  /** The web app's address, for the links in a payload (`https://parallax.example`). */
  publicUrl: string;
  concurrency?: number;
  timeoutMs?: number;
  /** Which addresses a webhook may be posted to; the public internet only without it. */
  guard?: FetchGuard;
  log: (line: string) => void;
}

type WebhookResult = { status: number | null };

/**
 * Posts one alert. Each attempt is recorded on the delivery row (the /alerts page shows it); a failure worth
 * retrying throws so that BullMQ backs off and tries again, a refusal ends it with UnrecoverableError. The
 * pipeline never waits on a receiver: only this queue's jobs do, each bounded by the timeout.
 */
export function createWebhooksWorker(options: WebhooksWorkerOptions): Worker<WebhookJob, WebhookResult> {
  const worker = new Worker<WebhookJob, WebhookResult>(
    WEBHOOKS_QUEUE,
    async (job: Job<WebhookJob, WebhookResult>) => {
      const { alertId } = parseJobData(zWebhookJob, job);
      const context = await deliveryContext(options.db, alertId);
      // The watch was removed or its webhook cleared since: nothing to send, nothing to report.
      if (!context) return { status: null };
      const attempt = job.attemptsMade + 1;
      const maxAttempts = job.opts.attempts ?? 1;
      const outcome = await postWebhook(
        context.watch.url,
        context.watch.secret,
        webhookPayload(context, options.publicUrl),
        {
          timeoutMs: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
          ...(options.guard ? { guard: options.guard } : {}),
        },
      );
      if (outcome.kind === "delivered") {
        await recordDeliveryAttempt(options.db, alertId, {
          status: "delivered",
          attempts: attempt,
          responseStatus: outcome.status,
        });
        return { status: outcome.status };
      }
      const last = outcome.kind === "permanent" || attempt >= maxAttempts;
      await recordDeliveryAttempt(options.db, alertId, {
        status: last ? "failed" : "retrying",
        attempts: attempt,
        error: outcome.error,
        responseStatus: outcome.status,
      });
      if (outcome.kind === "permanent") throw new UnrecoverableError(outcome.error);
      throw new Error(outcome.error);
    },
    {
      connection: options.connection,
      prefix: queueKeyPrefix(options.prefix),
      concurrency: options.concurrency ?? 4,
      // Longer than the request timeout, so a slow receiver never makes the job look stalled.
      lockDuration: (options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) + 30_000,
    },
  );
  worker.on("error", (error) => options.log(`webhooks worker error: ${error.message}`));
  return worker;
}
