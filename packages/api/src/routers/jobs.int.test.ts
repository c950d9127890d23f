import { closeDatabase, createDatabase } from "@parallax/db";
import {
  createRedis,
  createStageQueues,
  queueKeyPrefix,
  type RedisConnection,
  type StageQueues,
} from "@parallax/queue";
import { TRPCError } from "@trpc/server";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../../../tooling/vitest/services";
import { createCaller } from "../root";

const services = testServices();
let redis: RedisConnection;
let queues: StageQueues;
let api: ReturnType<typeof createCaller>;
const db = createDatabase(services.databaseUrl);

const articleA = "5b0c1f6e-7d7a-4a53-9a1c-2f3d4e5f6a7b";
const articleB = "6c1d2e3f-8e8b-4b64-8b2d-3e4f5a6b7c8d";

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

async function waitForState(job: Job, state: string) {
  for (let i = 0; i < 100; i++) {
    if ((await job.getState()) === state) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${job.id} never became ${state}`);
}

beforeAll(async () => {
  redis = createRedis(services.redisUrl, "producer");
  queues = createStageQueues({ connection: redis, prefix: services.prefix });
  api = createCaller({
    db,
    ingestQueue: queues.ingest as never,
    queues,
    log: () => {},
    viewer: { kind: "local" },
  });
});

afterAll(async () => {
  await Promise.all(Object.values(queues ?? {}).map((queue) => queue.obliterate({ force: true })));
  await Promise.all(Object.values(queues ?? {}).map((queue) => queue.close()));
  redis?.disconnect();
  await closeDatabase(db);
});

describe("jobs router", () => {
  it("counts, lists with reasons, retries and removes jobs on real Redis", async () => {
    const failing = await queues.enrich.add("enrich", { articleId: articleA }, { attempts: 1 });
    const waiting = await queues.enrich.add("enrich", { articleId: articleB, huge: "x".repeat(100_000) });
    // A worker that does not run by itself: the first job is taken and failed by hand, the second stays waiting.
    const worker = new Worker("enrich", null, {
      connection: createRedis(services.redisUrl, "worker"),
      prefix: queueKeyPrefix(services.prefix),
      autorun: false,
    });
    const token = "test-token";
    const taken = await worker.getNextJob(token);
    expect(taken?.id).toBe(failing.id);
    await taken?.moveToFailed(new UnrecoverableError("article text is empty"), token, false);
    await worker.close();
    await waitForState(failing, "failed");

    const counts = await api.jobs.counts();
    expect(counts.map((c) => c.stage)).toEqual([
      "feeds",
      "ingest",
      "enrich",
      "cluster",
      "brief",
      "alerts",
      "webhooks",
      "maintenance",
    ]);
    const enrich = counts.find((c) => c.stage === "enrich");
    expect(enrich).toMatchObject({ failed: 1, waiting: 1, active: 0, paused: false });

    const failed = await api.jobs.list({ stage: "enrich", state: "failed" });
    expect(failed.total).toBe(1);
    expect(failed.jobs[0]).toMatchObject({
      id: failing.id,
      articleId: articleA,
      failedReason: "article text is empty",
    });
    const waitingPage = await api.jobs.list({ stage: "enrich", state: "waiting" });
    expect(waitingPage.jobs[0]?.articleId).toBe(articleB);
    // The 100 kB payload is summarized, never shipped to the page.
    expect(waitingPage.jobs[0]?.summary.length).toBeLessThanOrEqual(200);

    // A waiting job cannot be retried; a failed one can.
    expect(await codeOf(api.jobs.retry({ stage: "enrich", id: waiting.id ?? "" }))).toBe("CONFLICT");
    await api.jobs.retry({ stage: "enrich", id: failing.id ?? "" });
    expect((await api.jobs.counts()).find((c) => c.stage === "enrich")).toMatchObject({
      failed: 0,
      waiting: 2,
    });

    await api.jobs.remove({ stage: "enrich", id: waiting.id ?? "" });
    expect(await codeOf(api.jobs.remove({ stage: "enrich", id: waiting.id ?? "" }))).toBe("NOT_FOUND");
    expect((await api.jobs.list({ stage: "enrich", state: "waiting" })).total).toBe(1);
  });

  it("refuses to remove a running job", async () => {
    const job = await queues.cluster.add("cluster", { articleId: articleA });
    const worker = new Worker("cluster", null, {
      connection: createRedis(services.redisUrl, "worker"),
      prefix: queueKeyPrefix(services.prefix),
      autorun: false,
    });
    const taken = await worker.getNextJob("t");
    expect(taken?.id).toBe(job.id);
    expect(await codeOf(api.jobs.remove({ stage: "cluster", id: job.id ?? "" }))).toBe("CONFLICT");
    await worker.close(true);
  });

  it("rejects unknown stages, states and empty ids at the boundary", async () => {
    expect(await codeOf(api.jobs.list({ stage: "nope" as never }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.jobs.list({ state: "paused" as never }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.jobs.retry({ stage: "ingest", id: "  " }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.jobs.remove({ stage: "ingest", id: "missing" }))).toBe("NOT_FOUND");
  });

  it("says the queue is unavailable when there is no Redis", async () => {
    const offline = createCaller({
      db,
      ingestQueue: queues.ingest as never,
      log: () => {},
      viewer: { kind: "local" },
    });
    expect(await codeOf(offline.jobs.counts())).toBe("SERVICE_UNAVAILABLE");
  });
});
