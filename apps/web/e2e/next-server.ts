import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { findFreePort } from "@parallax/services";

const webDir = path.resolve(import.meta.dirname, "..");

export interface RunningNext {
  baseUrl: string;
  /** The `next start` process (its children are the server's workers), for memory readings. */
  pid: number;
  /** Everything the server printed, for the failure message when it does not come up. */
  output: () => string;
  stop: () => Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts the production build of apps/web (`pnpm build` must have run) on a free port. Settings beyond the three
 * required ones (small rate limits, say) pass through to the server's environment.
 */
export async function startNext(
  env: { DATABASE_URL: string; REDIS_URL: string; QUEUE_PREFIX: string } & Record<string, string>,
) {
  if (!existsSync(path.join(webDir, ".next/BUILD_ID"))) {
    throw new Error("apps/web has no production build: run `pnpm --filter @parallax/web build` first");
  }
  const port = await findFreePort();
  const child = spawn(
    path.join(webDir, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: webDir,
      env: { ...process.env, ...env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const output = () => log;
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitForHttp(`${baseUrl}/submit`, child, output, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: child.pid ?? -1, output, stop } satisfies RunningNext;
}
