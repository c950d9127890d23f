import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const workerDir = fileURLToPath(new URL("../../..", import.meta.url));
const repoRoot = path.resolve(workerDir, "../..");
// Node runs the worker itself with tsx's loader, so the child's pid is the process that holds the jobs: a tsx
// CLI wrapper would have been a second process, and SIGKILL to it would leave the worker running.
const tsxLoader = import.meta.resolve("tsx");

export interface WorkerProcess {
  /** The Node process running apps/worker/src/main.ts (no wrapper in between). */
  pid: number;
  /** Everything it printed, for failure messages. */
  output(): string;
  /** Resolves with the first output line matching `pattern`; rejects if the process exits or time runs out. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  hasExited(): boolean;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, at once: no shutdown handler runs, active jobs keep their locks until those lapse. */
  kill(): Promise<void>;
  /** SIGTERM (the worker finishes its active jobs), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * The real worker entry point (`apps/worker/src/main.ts`) as a child process, on the given database, Redis and
 * queue prefix. Resolves once it has printed "worker ready". `nodeArgs` go to Node before the loader (the pipeline
 * benchmark profiles the worker with `--cpu-prof`).
 */
export async function startWorkerProcess(
  env: { DATABASE_URL: string; REDIS_URL: string; QUEUE_PREFIX: string } & Record<string, string>,
  readyTimeoutMs = 90_000,
  nodeArgs: readonly string[] = [],
): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", tsxLoader, "src/main.ts"], {
    cwd: workerDir,
    env: {
      ...process.env,
      // Pages of the tests' own HTTP servers on 127.0.0.1 may be fetched (the SSRF guard allows these hosts).
      FETCH_ALLOW_HOSTS: "127.0.0.1,localhost",
      FETCH_HOST_INTERVAL_MS: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-200_000);
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      for (const listener of listeners) listener();
      resolve({ code, signal });
    }),
  );
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  const waitForLine = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = log.split("\n").find((l) => pattern.test(l));
        if (line !== undefined) finish(() => resolve(line));
        else if (hasExited()) finish(() => reject(new Error(`worker exited before printing ${pattern}:\n${log}`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`worker did not print ${pattern} within ${timeoutMs} ms:\n${log}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  const worker: WorkerProcess = {
    pid: child.pid ?? -1,
    output: () => log,
    waitForLine,
    hasExited,
    exited,
    async kill() {
      if (hasExited()) return;
      process.kill(worker.pid, "SIGKILL");
      await exited;
    },
    async stop(graceMs = 15_000) {
      if (hasExited()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitForLine(/worker ready/, readyTimeoutMs);
  } catch (error) {
    await worker.kill();
    throw error;
  }
  return worker;
}

export { repoRoot };
