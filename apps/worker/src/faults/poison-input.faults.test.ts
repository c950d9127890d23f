import { createCaller } from "@parallax/api";
import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { createRedis, createStageQueues, type RedisConnection, type StageQueues } from "@parallax/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase, testServices } from "../../../../tooling/vitest/services";
import { headlineArticles } from "./__fixtures__/headline-articles";
import { waitFor } from "../__fixtures__/harness";
import { startWorkerProcess, type WorkerProcess } from "./__fixtures__/worker-process";

/**
 * Fault 4: a poison input that crashes the normalizer. The worker's normalizer threads get 96 MB here (512 MB
 * in production), enough for any ordinary article and not for this 3.3 MB page of 60,000 paragraphs and table
 * cells: its thread dies of memory exhaustion on every attempt, as a runaway document would in production.
 * Nothing lost means: the poison is retried with backoff, then ends `failed` with the reason, in Postgres and
 * on the jobs list, and can be retried from there; the worker process survives and the other submissions,
 * including those sent after the first crash, all end ready.
 */
const MEMORY_MB = 96;
const row = "<tr><td><a href='/harbour'>Berth</a></td><td><span>occupied</span></td></tr>";
const POISON = `<!doctype html><html lang="en"><head><title>Harbour ledger</title></head><body><article>
<h1>Harbour ledger</h1>
${"<p>The harbour at Port Ellis reopened on Tuesday after a closure, the port authority said today.</p>\n".repeat(20_000)}
<table>${row.repeat(20_000)}</table></article></body></html>`;
const CRASH = `normalizer crashed: out of memory (over ${MEMORY_MB} MB)`;
const normal = headlineArticles(24);

let db: Database;
let dropDatabase: () => Promise<void>;
let redis: RedisConnection;
let queues: StageQueues;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  const services = testServices();
  const database = await isolatedDatabase();
  dropDatabase = database.drop;
  db = createDatabase(database.url);
  redis = createRedis(services.redisUrl, "producer");
  queues = createStageQueues({ connection: redis, prefix: services.prefix });
  worker = await startWorkerProcess({
    DATABASE_URL: database.url,
    REDIS_URL: services.redisUrl,
    QUEUE_PREFIX: services.prefix,
    NORMALIZE_MEMORY_MB: String(MEMORY_MB),
  });
});

afterAll(async () => {
  await worker?.kill().catch(() => {});
  if (queues) await Promise.all(Object.values(queues).map((queue) => queue.close()));
  await redis?.quit().catch(() => {});
  if (db) await closeDatabase(db);
  await dropDatabase?.().catch(() => {});
});

const statusOf = async (id: string) => {
  const { rows } = await db.$client.query("select status, error from articles where id = $1", [id]);
  return rows[0] as { status: string; error: string | null };
};

describe("a poison input that crashes the normalizer", () => {
  it("is retried with backoff, then failed with the reason, listed and retryable, while other jobs flow", async () => {
    // Retrying a job is for administrators; the test acts as the machine's own CLI would.
    const api = createCaller({
      db,
      ingestQueue: queues.ingest as never,
      queues,
      log: () => {},
      viewer: { kind: "local" },
    });
    const output = () => `\nworker:\n${worker!.output().slice(-4_000)}`;
    const { articleId: poisonId } = await api.article.submit({ html: POISON });
    const before = await Promise.all(
      normal.slice(0, 12).map((a) => api.article.submit({ text: a.text, title: a.title })),
    );

    // Each failed attempt leaves its note on the article; their times show the waits between attempts.
    const notes: Array<{ error: string; at: number }> = [];
    const submittedAt = Date.now();
    await waitFor(
      async () => {
        const { status, error } = await statusOf(poisonId);
        if (error && notes.at(-1)?.error !== error) notes.push({ error, at: Date.now() - submittedAt });
        return status === "failed" ? true : null;
      },
      "the poison article failed",
      240_000,
      output,
    );
    expect(notes.map((n) => n.error)).toContain(`attempt 1 failed: ${CRASH}`);
    // Submitted after the first crash: the worker process that crashed its normalizer still takes work.
    expect(worker!.hasExited()).toBe(false);
    const after = await Promise.all(
      normal.slice(12).map((a) => api.article.submit({ text: a.text, title: a.title })),
    );

    expect(await statusOf(poisonId)).toEqual({ status: "failed", error: CRASH });
    const job = await queues.ingest.getJob(poisonId);
    expect(await job?.getState()).toBe("failed");
    expect(job?.attemptsMade).toBe(4);
    expect(job?.failedReason).toBe(CRASH);
    // Exponential backoff of 2, 4 and 8 s between the four attempts.
    expect(job!.finishedOn! - job!.timestamp).toBeGreaterThanOrEqual(14_000);

    const listed = await api.jobs.list({ stage: "ingest", state: "failed" });
    expect(listed.jobs).toEqual([
      expect.objectContaining({ id: poisonId, articleId: poisonId, attemptsMade: 4, failedReason: CRASH }),
    ]);

    for (const submitted of [...before, ...after]) {
      const article = await waitFor(
        async () => {
          const s = await statusOf(submitted.articleId);
          return s.status === "ready" || s.status === "failed" ? s : null;
        },
        `article ${submitted.articleId} ready`,
        120_000,
        output,
      );
      expect(article.status).toBe("ready");
    }

    await expect(api.jobs.retry({ stage: "ingest", id: poisonId })).resolves.toMatchObject({
      state: "waiting",
    });
    // Back in the pipeline: the job runs again and the article is no longer failed while it does.
    await waitFor(
      async () => ((await statusOf(poisonId)).status !== "failed" ? true : null),
      "the retried poison article being processed again",
      60_000,
      output,
    );
    expect(await queues.ingest.getJob(poisonId).then((j) => j?.getState())).not.toBe("failed");
    console.log(
      `poison input: ${job!.attemptsMade} attempts over ${((job!.finishedOn! - job!.timestamp) / 1_000).toFixed(1)} s ` +
        `(attempt notes at ${notes.map((n) => `${(n.at / 1_000).toFixed(1)} s`).join(", ")}), failed with ` +
        `"${CRASH}"; ${before.length + after.length} other articles ready meanwhile`,
    );
  });
});
