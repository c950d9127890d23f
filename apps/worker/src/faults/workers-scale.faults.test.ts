import { createCaller } from "@parallax/api";
import { closeDatabase, createDatabase } from "@parallax/db";
import {
  type ClusterJob,
  createClusterQueue,
  createEnrichQueue,
  createIngestQueue,
  createRedis,
  type EnrichJob,
  type IngestJob,
} from "@parallax/queue";
import type { Queue } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { isolatedDatabase, testServices } from "../../../../tooling/vitest/services";
import { headlineArticles } from "./__fixtures__/headline-articles";
import { waitFor } from "../__fixtures__/harness";
import { readLedger } from "./__fixtures__/pipeline-ledger";
import { startWorkerProcess, type WorkerProcess } from "./__fixtures__/worker-process";

/**
 * Fault 5: one, two, then four worker processes on the same queues. Nothing lost and nothing twice means: every
 * article ends ready with its paragraphs once, one revision, one enrichment, one story membership counted once,
 * and each stage ran one completed job per article, none failed. Throughput is reported, not asserted: on a
 * two-core machine shared with other test runs, more processes cannot be promised to be faster.
 */
const ARTICLES = Number(process.env.FAULTS_SCALE_ARTICLES ?? 100);
const articles = headlineArticles(ARTICLES);
const running: WorkerProcess[] = [];
const cleanups: Array<() => Promise<unknown>> = [];
/** Seconds from the release of the queued articles until every one was ready (ingested), enriched, in a story. */
const figures: Array<{ workers: number; ready: number; enriched: number; clustered: number }> = [];

afterAll(async () => {
  await Promise.all(running.map((worker) => worker.kill().catch(() => {})));
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  if (figures.length) {
    console.log(
      [
        `${ARTICLES} articles through ingest, enrich and cluster (a 2-core machine, possibly shared):`,
        "workers | all ready s | all enriched s | all in a story s | articles/s end to end",
        ...figures.map((f) =>
          [
            String(f.workers).padStart(7),
            f.ready.toFixed(1).padStart(11),
            f.enriched.toFixed(1).padStart(14),
            f.clustered.toFixed(1).padStart(17),
            (ARTICLES / f.clustered).toFixed(1),
          ].join(" | "),
        ),
      ].join("\n"),
    );
  }
});

async function runWith(workerCount: number) {
  const services = testServices();
  const database = await isolatedDatabase();
  cleanups.push(database.drop);
  const db = createDatabase(database.url);
  cleanups.push(() => closeDatabase(db));
  const redis = createRedis(services.redisUrl, "producer");
  cleanups.push(() => redis.quit());
  const settings = { connection: redis, prefix: services.prefix };
  const ingestQueue = createIngestQueue(settings);
  const enrichQueue = createEnrichQueue(settings);
  const clusterQueue = createClusterQueue(settings);
  cleanups.push(() => Promise.all([ingestQueue, enrichQueue, clusterQueue].map((queue) => queue.close())));

  const env = { DATABASE_URL: database.url, REDIS_URL: services.redisUrl, QUEUE_PREFIX: services.prefix };
  const workers = await Promise.all(Array.from({ length: workerCount }, () => startWorkerProcess(env)));
  running.push(...workers);
  try {
    await measure(workerCount, db, { ingestQueue, enrichQueue, clusterQueue }, workers);
  } finally {
    // A failed run must not leave its processes competing with the next one for the two cores.
    await Promise.all(workers.map((worker) => worker.kill()));
  }
}

async function measure(
  workerCount: number,
  db: ReturnType<typeof createDatabase>,
  queues: { ingestQueue: Queue<IngestJob>; enrichQueue: Queue<EnrichJob>; clusterQueue: Queue<ClusterJob> },
  workers: WorkerProcess[],
) {
  const { ingestQueue, enrichQueue, clusterQueue } = queues;
  const stageCounts = async () =>
    `\n${JSON.stringify(
      await Promise.all(
        [ingestQueue, enrichQueue, clusterQueue].map(async (queue) => ({
          stage: queue.name,
          ...(await queue.getJobCounts("waiting", "active", "delayed", "completed", "failed")),
        })),
      ),
    )}`;
  const output = () => workers.map((w, i) => `\nworker ${i + 1}:\n${w.output().slice(-3_000)}`).join("");

  const api = createCaller({ db, ingestQueue, log: () => {} });
  const expected = new Map<string, number>();
  // Everything is queued before the clock starts (the queue paused meanwhile), so the figures are the workers'
  // and not the rate at which this test can submit.
  await ingestQueue.pause();
  for (const article of articles) {
    const submitted = await api.article.submit({ text: article.text, title: article.title });
    expect(submitted.created).toBe(true);
    expected.set(submitted.articleId, article.paragraphs);
  }
  const startedAt = Date.now();
  await ingestQueue.resume();
  const done: Partial<Record<"ready" | "enriched" | "clustered", number>> = {};
  await waitFor(
    async () => {
      const { rows } = await db.$client.query(
        `select (select count(*)::int from articles where status in ('ready', 'failed', 'duplicate')) as ready,
                (select count(*)::int from article_enrichment) as enriched,
                (select count(*)::int from article_stories) as clustered`,
      );
      for (const stage of ["ready", "enriched", "clustered"] as const)
        if (rows[0][stage] === ARTICLES) done[stage] ??= (Date.now() - startedAt) / 1_000;
      return done.clustered !== undefined ? true : null;
    },
    `${ARTICLES} articles through the pipeline with ${workerCount} workers`,
    400_000,
    () => `${JSON.stringify(done)}${output()}`,
  ).catch(async (error: Error) => {
    throw new Error(`${error.message}${await stageCounts()}`);
  });
  figures.push({
    workers: workerCount,
    ready: done.ready!,
    enriched: done.enriched!,
    clustered: done.clustered!,
  });

  const ledger = await readLedger(db, expected);
  expect(ledger, output()).toEqual({
    articles: ARTICLES,
    byStatus: { ready: ARTICLES },
    wrongParagraphs: [],
    wrongRevisions: [],
    unenriched: 0,
    inconsistentEntities: 0,
    withoutStory: 0,
    memberships: ARTICLES,
    storySizes: ARTICLES,
    corpusDocuments: ARTICLES,
  });
  // One job per article and stage ran to completion, and none failed: no article was processed twice.
  for (const queue of [ingestQueue, enrichQueue, clusterQueue]) {
    const counts = await queue.getJobCounts("completed", "failed", "active", "waiting", "delayed");
    expect({ stage: queue.name, ...counts }).toEqual({
      stage: queue.name,
      completed: ARTICLES,
      failed: 0,
      active: 0,
      waiting: 0,
      delayed: 0,
    });
  }
}

describe("several worker processes on the same queues", () => {
  for (const workerCount of [1, 2, 4]) {
    it(`processes every article exactly once with ${workerCount} worker process${workerCount > 1 ? "es" : ""}`, async () => {
      await runWith(workerCount);
    });
  }
});
