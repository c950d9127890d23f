import { mkdir } from "node:fs/promises";
import path from "node:path";
import { createAdmin } from "@parallax/api";
import { closeDatabase, createDatabase, type Database, UserExistsError } from "@parallax/db";
import { type RunningWorkers, startWorkers } from "@parallax/worker";
import { type Browser, chromium, type Page } from "playwright-core";
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
  /** The queue prefix of this stack's web app and workers, for a test that enqueues jobs itself. */
  prefix: string;
  /** The workers' and the web app's output, for a failure message. */
  logs(): string;
  close(): Promise<void>;
}

/**
 * Starts the app. `ownDatabase` gives the test a freshly migrated database of its own (pages that list everything
 * stored, such as /stories, must not see other tests' articles); otherwise the run's shared test database.
 */
export async function startStack({
  ownDatabase,
  env = {},
}: {
  ownDatabase: boolean;
  /** More settings for the web app (PUBLIC_READ, SUBMIT_ACCESS, …). */
  env?: Record<string, string>;
}): Promise<E2eStack> {
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
      FETCH_ALLOW_HOSTS: E2E_FETCH_ALLOW_HOSTS,
      ...env,
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
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
    prefix,
    logs: () => `\nworker log:\n${workerLog.join("\n")}\nnext log:\n${next.output()}`,
    close,
  };
}

/** The administrator the browser tests sign in as. */
export const E2E_ADMIN = { username: "admin", password: "browser-test admin password" };

/** Creates the test administrator in `db` unless it is there already. */
export async function ensureAdmin(db: Database): Promise<void> {
  try {
    await createAdmin(db, E2E_ADMIN.username, E2E_ADMIN.password);
  } catch (error) {
    if (!(error instanceof UserExistsError)) throw error;
  }
}

/**
 * Signs `page` (and every page of its browser context: the cookie is the context's) in as the test administrator
 * through the sign-in form, as a person would.
 */
export async function signIn(page: Page, baseUrl: string, db: Database): Promise<void> {
  await ensureAdmin(db);
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("User name").fill(E2E_ADMIN.username);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === "/"),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  const signedIn = await page.locator(".site-account-name").textContent();
  if (!signedIn?.includes(E2E_ADMIN.username))
    throw new Error(`sign-in did not take: header says ${signedIn}`);
}
