import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { runMigrations } from "@parallax/db/migrate";
import { createDatabase, dropDatabase } from "@parallax/services";
import pg from "pg";
import {
  startWorkerProcess,
  type WorkerProcess,
} from "../../../apps/worker/src/faults/__fixtures__/worker-process";
import { startNext } from "../../../apps/web/e2e/next-server";
import { removeQueues } from "./floor";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const webDir = path.join(repoRoot, "apps/web");

/** One run's own database, queue prefix, production web app and worker processes. */
export interface Stack {
  label: string;
  database: string;
  databaseUrl: string;
  prefix: string;
  baseUrl: string;
  /** The `next start` process. */
  web: { pid: number };
  workers: WorkerProcess[];
  pool: pg.Pool;
  /** Stops everything (workers by SIGTERM, so profiles get written), drops the database unless kept. */
  stop(): Promise<void>;
}

export interface StackOptions {
  serverUrl: string;
  redisUrl: string;
  label: string;
  workers: number;
  keepDatabase: boolean;
  /** Node flags for the worker processes (`--cpu-prof …`). */
  workerNodeArgs?: string[];
  log: (line: string) => void;
}

export function ensureWebBuild(log: (line: string) => void): void {
  if (existsSync(path.join(webDir, ".next/BUILD_ID"))) return;
  log("building apps/web (production)…");
  execFileSync("pnpm", ["--filter", "@parallax/web", "build"], { cwd: repoRoot, stdio: "inherit" });
}

let serial = 0;

export async function startStack(options: StackOptions): Promise<Stack> {
  serial += 1;
  const database = `parallax_bench_pipeline_${process.pid}_${serial}`;
  const prefix = `pbench-pipeline-${process.pid}-${serial}`;
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  };
  try {
    const databaseUrl = await createDatabase(options.serverUrl, database);
    cleanups.push(async () => {
      if (options.keepDatabase) options.log(`kept database ${database}`);
      else await dropDatabase(options.serverUrl, database);
    });
    cleanups.push(() => removeQueues(options.redisUrl, prefix));
    // Once here, so that N workers starting together do not race through the migrations.
    await runMigrations(databaseUrl);
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: options.redisUrl, QUEUE_PREFIX: prefix };
    const web = await startNext({
      ...env,
      // One client submits everything; the per-client limit would refuse most of it.
      RATE_LIMIT_SUBMIT_PER_MIN: "0",
    });
    cleanups.push(() => web.stop());
    const workers: WorkerProcess[] = [];
    cleanups.push(() => Promise.all(workers.map((worker) => worker.stop(60_000))).then(() => {}));
    workers.push(
      ...(await Promise.all(
        Array.from({ length: options.workers }, () =>
          // Niceness 0: the app's default (10) favours readers on a shared box, which would skew the figures.
          startWorkerProcess({ ...env, WORKER_NICE: "0" }, 120_000, options.workerNodeArgs ?? []),
        ),
      )),
    );
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    cleanups.push(() => pool.end());
    return {
      label: options.label,
      database,
      databaseUrl,
      prefix,
      baseUrl: web.baseUrl,
      web: { pid: web.pid },
      workers,
      pool,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
