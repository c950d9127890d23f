import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../stack";

export interface WorkerProcesses {
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `count` real worker processes (apps/worker/src/main.ts, as `pnpm start` runs them), each with its own
 * pool and queues, so that their CPU competes with the web process the way it does on a real box, and not with
 * this test's own clock.
 */
export async function startWorkerProcesses(
  count: number,
  env: { DATABASE_URL: string; REDIS_URL: string; QUEUE_PREFIX: string } & Record<string, string>,
): Promise<WorkerProcesses> {
  let log = "";
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-20_000);
  };
  const children: ChildProcess[] = [];
  const ready: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const child = spawn(
      path.join(repoRoot, "node_modules/.bin/tsx"),
      [path.join(repoRoot, "apps/worker/src/main.ts")],
      { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    children.push(child);
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    ready.push(
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker ${i} not ready in 60 s:\n${log}`)), 60_000);
        child.stdout?.on("data", (chunk: Buffer) => {
          if (chunk.toString("utf8").includes("worker ready")) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once("exit", (code) => {
          clearTimeout(timer);
          reject(new Error(`worker ${i} exited with ${code}:\n${log}`));
        });
      }),
    );
  }
  const stop = async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  };
  try {
    await Promise.all(ready);
  } catch (error) {
    await stop();
    throw error;
  }
  return { output: () => log, stop };
}
