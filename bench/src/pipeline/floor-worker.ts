/**
 * One process of the BullMQ floor (spawned by floor.ts): the pipeline's four stage queues, made by the same
 * factories with the same job options and worker concurrency as apps/worker, whose processors only validate the
 * job and enqueue the next stage the way the real ones do. What this costs is the engine's part of an article.
 */
import {
  createBriefQueue,
  createClusterQueue,
  createEnrichQueue,
  createIngestQueue,
  createRedis,
  enqueueCluster,
  enqueueEnrich,
  queueKeyPrefix,
  zBriefJob,
  zClusterJob,
  zEnrichJob,
  zIngestJob,
  parseJobData,
} from "@parallax/queue";
import { Worker } from "bullmq";
import { z } from "zod";

const env = z
  .object({
    REDIS_URL: z.string().min(1),
    QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/),
    FLOOR_COUNTER: z.string().min(1),
    INGEST_CONCURRENCY: z.coerce.number().int().min(1),
    ENRICH_CONCURRENCY: z.coerce.number().int().min(1),
  })
  .parse(process.env);

const connection = createRedis(env.REDIS_URL, "worker");
const settings = { connection, prefix: env.QUEUE_PREFIX };
const prefix = queueKeyPrefix(env.QUEUE_PREFIX);
const enrichQueue = createEnrichQueue(settings);
const clusterQueue = createClusterQueue(settings);
const briefQueue = createBriefQueue(settings);
// Only to keep the same queue objects alive as the real worker process does.
const ingestQueue = createIngestQueue(settings);

const workers = [
  new Worker("ingest", async (job) => enqueueEnrich(enrichQueue, parseJobData(zIngestJob, job).articleId), {
    connection,
    prefix,
    concurrency: env.INGEST_CONCURRENCY,
    lockDuration: 60_000,
  }),
  new Worker("enrich", async (job) => enqueueCluster(clusterQueue, parseJobData(zEnrichJob, job).articleId), {
    connection,
    prefix,
    concurrency: env.ENRICH_CONCURRENCY,
    lockDuration: 60_000,
  }),
  // The real brief request is debounced by 2 s per story; the floor adds it at once (no story to debounce on).
  new Worker(
    "cluster",
    async (job) => {
      const { articleId } = parseJobData(zClusterJob, job);
      await briefQueue.add("brief", zBriefJob.parse({ storyId: articleId }));
    },
    { connection, prefix, concurrency: 1, lockDuration: 60_000 },
  ),
  new Worker(
    "brief",
    async (job) => {
      parseJobData(zBriefJob, job);
      await connection.incr(env.FLOOR_COUNTER);
    },
    { connection, prefix, concurrency: 1, lockDuration: 120_000 },
  ),
];

await Promise.all(workers.map((worker) => worker.waitUntilReady()));
process.stdout.write("floor ready\n");

process.on("SIGTERM", async () => {
  await Promise.all(workers.map((worker) => worker.close()));
  await Promise.all([enrichQueue, clusterQueue, briefQueue, ingestQueue].map((queue) => queue.close()));
  connection.disconnect();
  process.exit(0);
});
