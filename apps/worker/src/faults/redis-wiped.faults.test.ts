import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCaller } from "@parallax/api";
import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import {
  createIngestQueue,
  createMaintenanceQueue,
  createRedis,
  type IngestJob,
  RECONCILE_SCHEDULER,
  type RedisConnection,
} from "@parallax/queue";
import { findFreePort, type RunningService, startRedis } from "@parallax/services";
import type { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase, testServices } from "../../../../tooling/vitest/services";
import { headlineArticles } from "./__fixtures__/headline-articles";
import { waitFor } from "../__fixtures__/harness";
import { readLedger } from "./__fixtures__/pipeline-ledger";
import { startWorkerProcess, type WorkerProcess } from "./__fixtures__/worker-process";

/**
 * Fault 2: Redis restarted with its data wiped while 1,000 articles wait in the ingest queue, the worker process
 * running throughout. Nothing lost means: every article stored in Postgres ends `ready`, each once (its
 * paragraphs once, one revision), because the worker notices the reconnect, schedules its reconciler again and
 * re-enqueues what Postgres says is unfinished — without a restart.
 */
const ARTICLES = 1_000;
const articles = headlineArticles(ARTICLES);

let redisDir: string;
let redisPort: number;
let redisServer: RunningService | undefined;
let db: Database;
let dropDatabase: () => Promise<void>;
let producer: RedisConnection;
let queue: Queue<IngestJob>;
let worker: WorkerProcess | undefined;
const prefix = testServices().prefix;

async function startOwnRedis() {
  redisDir = await mkdtemp(path.join(tmpdir(), "parallax-faults-redis-"));
  return startRedis({ dataDir: redisDir, port: redisPort });
}

beforeAll(async () => {
  redisPort = await findFreePort();
  redisServer = await startOwnRedis();
  const database = await isolatedDatabase();
  dropDatabase = database.drop;
  db = createDatabase(database.url);
  producer = createRedis(redisServer.url, "producer");
  queue = createIngestQueue({ connection: producer, prefix });
  // The restart is deliberate: its connection errors are expected, and the assertions say what matters.
  queue.on("error", () => {});
  worker = await startWorkerProcess({
    DATABASE_URL: database.url,
    REDIS_URL: redisServer.url,
    QUEUE_PREFIX: prefix,
  });
});

afterAll(async () => {
  await worker?.kill().catch(() => {});
  await queue?.close().catch(() => {});
  producer?.disconnect();
  await redisServer?.stop().catch(() => {});
  if (redisDir) await rm(redisDir, { recursive: true, force: true });
  if (db) await closeDatabase(db);
  await dropDatabase?.().catch(() => {});
});

describe("Redis restarted with its data wiped while articles are queued", () => {
  it("re-enqueues every unfinished article from Postgres and all of them end ready", async () => {
    // Paused, so that all of them are still waiting in Redis when its data goes.
    await queue.pause();
    const api = createCaller({ db, ingestQueue: queue, log: () => {} });
    const expected = new Map<string, number>();
    for (let i = 0; i < ARTICLES; i += 25) {
      const batch = articles.slice(i, i + 25);
      const submitted = await Promise.all(
        batch.map((article) => api.article.submit({ text: article.text, title: article.title })),
      );
      for (const [k, s] of submitted.entries()) expected.set(s.articleId, batch[k]!.paragraphs);
    }
    expect(expected.size).toBe(ARTICLES);
    expect(await queue.getJobCountByTypes("waiting")).toBe(ARTICLES);

    await redisServer!.stop();
    await rm(redisDir, { recursive: true, force: true });
    const wipedAt = Date.now();
    redisServer = await startOwnRedis();
    const output = () => worker!.output().slice(-5_000);

    await worker!.waitForLine(/Redis reconnected: scheduling/, 60_000);
    const reconnectedMs = Date.now() - wipedAt;
    const line = await worker!.waitForLine(/Redis reconnected: .*articles re-enqueued/, 120_000);
    const reEnqueuedMs = Date.now() - wipedAt;
    expect(line).toMatch(new RegExp(`${ARTICLES} articles re-enqueued`));
    const maintenance = createMaintenanceQueue({ connection: producer, prefix });
    expect(await maintenance.getJobScheduler(RECONCILE_SCHEDULER)).toBeTruthy();
    await maintenance.close();

    await waitFor(
      async () => {
        const { rows } = await db.$client.query(
          "select count(*)::int as n from articles where status in ('ready', 'failed', 'duplicate')",
        );
        return rows[0].n === ARTICLES ? true : null;
      },
      `${ARTICLES} articles ready`,
      300_000,
      output,
    );
    const allReadyMs = Date.now() - wipedAt;

    const ledger = await readLedger(db, expected);
    expect(ledger, output()).toMatchObject({
      articles: ARTICLES,
      byStatus: { ready: ARTICLES },
      wrongParagraphs: [],
      wrongRevisions: [],
      inconsistentEntities: 0,
    });
    // Each article is one job after the wipe, not two: the reconciler's ids are the article ids.
    const counts = await queue.getJobCounts("completed", "failed");
    expect(counts.failed).toBe(0);
    console.log(
      `Redis wiped with ${ARTICLES} articles queued: the running worker reconnected ${reconnectedMs} ms after the ` +
        `wipe, had re-enqueued them all by ${reEnqueuedMs} ms, all ready after ${(allReadyMs / 1_000).toFixed(1)} s ` +
        `(${counts.completed} ingest jobs completed)`,
    );
  });
});
