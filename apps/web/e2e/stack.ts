import { mkdir } from "node:fs/promises";
import path from "node:path";
import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { type RunningWorkers, startWorkers } from "@parallax/worker";
import { type Browser, chromium } from "playwright-core";
import { isolatedDatabase, testServices } from "../../../tooling/vitest/services";
import { type RunningNext, startNext } from "./next-server";

export const repoRoot = path.resolve(import.meta.dirname, "../../..");
/** What the web app and the workers of a browser test may fetch beyond the public internet. */
export const E2E_FETCH_ALLOW_HOSTS = "127.0.0.1,localhost";
/** Screenshots of the browser tests, kept for a person to look at after a run. */
export const artifacts = path.join(repoRoot, "test-artifacts");

/** The whole app for a browser test: the built web app, the workers on real PostgreSQL and Redis, Chromium. */
export interface E2eStack {
  next: RunningNext;
  db: Database;
  workers: RunningWorkers;
  browser: Browser;
  workerLog: string[];
  /** The workers' and the web app's output, for a failure message. */
  logs(): string;
  close(): Promise<void>;
}

/**
 * Starts the app. `ownDatabase` gives the test a freshly migrated database of its own (pages that list everything
 * stored, such as /stories, must not see other tests' articles); otherwise the run's shared test database.
 */
export async function startStack({ ownDatabase }: { ownDatabase: boolean }): Promise<E2eStack> {
  const { databaseUrl, redisUrl, prefix } = testServices();
  const own = ownDatabase ? await isolatedDatabase() : null;
  const url = own?.url ?? databaseUrl;
  await mkdir(artifacts, { recursive: true });
  const workerLog: string[] = [];
  const started: Partial<E2eStack> = {};
  const close = async () => {
    await started.browser?.close().catch(() => {});
    await started.workers?.close().catch(() => {});
    if (started.db) await closeDatabase(started.db).catch(() => {});
    await started.next?.stop();
    await own?.drop().catch(() => {});
  };
  try {
    // Local test servers are on loopback, which fetches (feed discovery, the worker's pages) reach only when allowed.
    started.next = await startNext({
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      FETCH_ALLOW_HOSTS: E2E_FETCH_ALLOW_HOSTS,
    });
    started.db = createDatabase(url);
    started.workers = await startWorkers({
      db: started.db,
      redisUrl,
      prefix,
      concurrency: 2,
      fetchLimits: { timeoutMs: 5_000, maxBytes: 5_000_000, maxRedirects: 3 },
      net: { allow: E2E_FETCH_ALLOW_HOSTS },
      log: (line) => workerLog.push(line),
    });
    started.browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  } catch (error) {
    await close();
    throw error;
  }
  const { next, db, workers, browser } = started as Required<typeof started>;
  return {
    next,
    db,
    workers,
    browser,
    workerLog,
    logs: () => `\nworker log:\n${workerLog.join("\n")}\nnext log:\n${next.output()}`,
    close,
  };
}
