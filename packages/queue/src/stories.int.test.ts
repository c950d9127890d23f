import { type Job, Worker } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { testServices } from "../../../tooling/vitest/services";
import { createRedis, queueKeyPrefix } from "./connection";
import { BRIEF_QUEUE, type BriefJob, createBriefQueue, enqueueBrief } from "./stories";

const { redisUrl, prefix } = testServices();
const connection = createRedis(redisUrl, "worker");
const queue = createBriefQueue({ connection, prefix });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
});

describe("enqueueBrief", () => {
  it("joins requests into one rebuild without restarting its wait, and keeps a request made while it runs", async () => {
    const storyId = crypto.randomUUID();
    const other = crypto.randomUUID();
    const runs: Array<{ storyId: string; at: number }> = [];
    let release: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const start = { t0: Date.now() };
    const worker = new Worker<BriefJob>(
      BRIEF_QUEUE,
      async (job: Job<BriefJob>) => {
        runs.push({ storyId: job.data.storyId, at: Date.now() - start.t0 });
        if (job.data.storyId === storyId && runs.filter((r) => r.storyId === storyId).length === 1) {
          started();
          await running;
        }
      },
      { connection: createRedis(redisUrl, "worker"), prefix: queueKeyPrefix(prefix), concurrency: 4 },
    );
    try {
      // The worker is up before the first request: its start-up is not part of the wait measured.
      await worker.waitUntilReady();
      start.t0 = Date.now();
      // Five requests 150 ms apart for one story, one for another: two rebuilds waiting, due 1 s after the first.
      for (let i = 0; i < 5; i++) {
        await enqueueBrief(queue, storyId, 1_000);
        if (i === 0) await enqueueBrief(queue, other, 1_000);
        await sleep(150);
      }
      expect(await queue.getDelayedCount()).toBe(2);
      await firstStarted;
      const first = runs.find((r) => r.storyId === storyId)!;
      // Not restarted by the later requests: due 1 s after the first, it ran well before the fifth's + 1 s (1.6 s).
      expect(first.at).toBeGreaterThanOrEqual(1_000);
      expect(first.at).toBeLessThan(1_500);
      // Two requests while it runs: kept as one rebuild after it, not run beside it.
      await enqueueBrief(queue, storyId, 0);
      await enqueueBrief(queue, storyId, 0);
      await sleep(300);
      expect(runs.filter((r) => r.storyId === storyId)).toHaveLength(1);
      release();
      for (let i = 0; i < 50 && runs.filter((r) => r.storyId === storyId).length < 2; i++) await sleep(100);
      await sleep(300);
      expect(runs.filter((r) => r.storyId === storyId)).toHaveLength(2);
      expect(runs.filter((r) => r.storyId === other)).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });
});
