import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createIngestQueue, createRedis, createStageQueues } from "@parallax/queue";

export interface FloorResult {
  processes: number;
  jobs: number;
  /** from the first job added until the last article's brief-stage job ran */
  seconds: number;
  articlesPerSecond: number;
}

const script = path.join(import.meta.dirname, "floor-worker.ts");

function spawnFloorProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`BullMQ floor process not ready in 60 s:\n${output}`)),
      60_000,
    );
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("floor ready")) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`BullMQ floor process exited with ${code}:\n${output}`));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * BullMQ's own floor for `jobs` articles through the four stages on `processes` processes: every job added as fast
 * as Redis takes them (the engine, not the submitter, is measured), counted done when its last stage ran.
 */
export async function runFloor(options: {
  redisUrl: string;
  prefix: string;
  processes: number;
  jobs: number;
  ingestConcurrency: number;
  enrichConcurrency: number;
  timeoutMs: number;
}): Promise<FloorResult> {
  const counter = `pbench-floor-counter:${options.prefix}`;
  const redis = createRedis(options.redisUrl, "worker");
  const children: ChildProcess[] = [];
  try {
    await redis.del(counter);
    children.push(
      ...(await Promise.all(
        Array.from({ length: options.processes }, () =>
          spawnFloorProcess({
            REDIS_URL: options.redisUrl,
            QUEUE_PREFIX: options.prefix,
            FLOOR_COUNTER: counter,
            INGEST_CONCURRENCY: String(options.ingestConcurrency),
            ENRICH_CONCURRENCY: String(options.enrichConcurrency),
          }),
        ),
      )),
    );
    const ingest = createIngestQueue({ connection: redis, prefix: options.prefix });
    const started = Date.now();
    for (let i = 0; i < options.jobs; i += 500) {
      const ids = Array.from({ length: Math.min(500, options.jobs - i) }, () => randomUUID());
      await ingest.addBulk(
        ids.map((articleId) => ({ name: "ingest", data: { articleId }, opts: { jobId: articleId } })),
      );
    }
    for (;;) {
      const done = Number((await redis.get(counter)) ?? 0);
      if (done >= options.jobs) break;
      if (Date.now() - started > options.timeoutMs)
        throw new Error(
          `BullMQ floor: only ${done} of ${options.jobs} through in ${options.timeoutMs / 1000} s`,
        );
      const dead = children.find((child) => child.exitCode !== null || child.signalCode !== null);
      if (dead) throw new Error(`a BullMQ floor process died (exit ${dead.exitCode ?? dead.signalCode})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (Date.now() - started) / 1000;
    await ingest.close();
    return {
      processes: options.processes,
      jobs: options.jobs,
      seconds,
      articlesPerSecond: options.jobs / seconds,
    };
  } finally {
    await Promise.all(children.map(stopProcess));
    await removeQueues(options.redisUrl, options.prefix);
    await redis.del(counter).catch(() => {});
    redis.disconnect();
  }
}

/** Every queue of a prefix, jobs and all, so no run leaves keys in the shared Redis. */
export async function removeQueues(redisUrl: string, prefix: string): Promise<void> {
  const redis = createRedis(redisUrl, "worker");
  const queues = Object.values(createStageQueues({ connection: redis, prefix }));
  await Promise.all(queues.map((queue) => queue.obliterate({ force: true }).catch(() => {})));
  await Promise.all(queues.map((queue) => queue.close().catch(() => {})));
  await redis.quit().catch(() => redis.disconnect());
}
