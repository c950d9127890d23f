import { readFileSync } from "node:fs";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { createCaller } from "@parallax/api";
import { closeDatabase, createDatabase, getArticle } from "@parallax/db";
import { createIngestQueue, createRedis } from "@parallax/queue";
import { isolatedDatabase, testServices } from "../../../../tooling/vitest/services";
import { type RunningWorkers, startWorkers, type WorkerConfig } from "../index";

/** A seed article from ../shared/seeds beside the checkout. */
export const seed = (name: string) =>
  readFileSync(new URL(`../../../../../shared/seeds/${name}`, import.meta.url), "utf8");

/**
 * Polls `probe` every 100 ms until it returns something other than null or undefined; on timeout the error says
 * what did not happen, plus whatever `explain` adds (a process's log, say).
 */
export async function waitFor<T>(
  probe: () => Promise<T | null | undefined>,
  what: string,
  timeoutMs = 30_000,
  explain: () => string = () => "",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Real Postgres (this run's database), real Redis under a prefix of this harness's own, workers in-process and a
 * local HTTP server for pages to fetch. Everything a pipeline test needs, closed by `close()`.
 */
export async function startHarness(routes: RequestListener) {
  const services = testServices();
  const server = createServer(routes);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const database = await isolatedDatabase();
  const db = createDatabase(database.url);
  const redis = createRedis(services.redisUrl, "producer");
  // Short backoff so a transient failure exhausts its attempts within a test.
  const queue = createIngestQueue({ connection: redis, prefix: services.prefix }, { backoff: { type: "fixed", delay: 50 } });
  let workers: RunningWorkers | undefined;
  // The pipeline tests act as the machine's own administrator (story moves and splits are admin-only).
  const api = () => createCaller({ db, ingestQueue: queue, log: () => {}, viewer: { kind: "local" } });

  return {
    services,
    origin,
    db,
    redis,
    queue,
    api,
    async startWorkers(overrides: Partial<WorkerConfig> = {}) {
      workers = await startWorkers({
        db,
        redisUrl: services.redisUrl,
        prefix: services.prefix,
        concurrency: 2,
        fetchLimits: { timeoutMs: 5_000, maxBytes: 1_000_000, maxRedirects: 3 },
        // The local server is on loopback, which fetches refuse unless it is on the allow-list.
        net: { allow: "127.0.0.1" },
        log: () => {},
        ...overrides,
      });
    },
    /** The running workers' queues (after startWorkers). */
    workers(): RunningWorkers {
      if (!workers) throw new Error("startWorkers first");
      return workers;
    },
    /** Polls Postgres until the article leaves the pipeline. */
    async waitForFinal(id: string, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const article = await getArticle(db, id);
        if (article && ["ready", "failed", "duplicate"].includes(article.status)) return article;
        if (Date.now() > deadline) throw new Error(`article ${id} still ${article?.status} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await workers?.close();
      await queue.close();
      await redis.quit();
      await closeDatabase(db);
      await database.drop();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
