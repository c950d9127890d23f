import { execFile } from "node:child_process";
import { mkdir, realpath, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { findOnPath } from "./install";
import { findFreePort } from "./ports";
import { type ManagedProcess, spawnManaged, waitUntilReady } from "./proc";
import { isRedisReachable } from "./redis";
import type { RunningService } from "./types";

const run = promisify(execFile);
const START_TIMEOUT_MS = 15_000;

export interface StartRedisClusterOptions {
  /** Each node keeps its cluster state in a directory of its own under this one; removed by stop(). */
  dataDir: string;
  /** Masters, each holding a share of the 16,384 slots; Redis Cluster needs at least 3. */
  nodes?: number;
}

/**
 * A Redis Cluster of `nodes` masters on loopback ports, for testing that everything Parallax keeps in Redis works
 * when keys are spread over nodes. The URL is `redis+cluster://127.0.0.1:p1,127.0.0.1:p2,...`. Nothing is kept
 * on disk but the nodes' own cluster files, so a stop and a new start make a fresh, empty cluster.
 */
export async function startRedisCluster(opts: StartRedisClusterOptions): Promise<RunningService> {
  const count = opts.nodes ?? 3;
  if (count < 3) throw new Error("a Redis Cluster needs at least 3 masters");
  const redisServer = findOnPath("redis-server");
  const redisCli = findOnPath("redis-cli");
  if (!redisServer || !redisCli)
    throw new Error("redis-server and redis-cli are needed (apt-get install redis-server)");
  await mkdir(resolve(opts.dataDir), { recursive: true });
  const root = await realpath(resolve(opts.dataDir));
  const servers: ManagedProcess[] = [];
  const ports: number[] = [];
  const stop = async () => {
    await Promise.all(servers.map((server) => server.stop(10_000)));
    await rm(root, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < count; i++) {
      const port = await findFreePort();
      const dir = join(root, String(port));
      await mkdir(dir, { recursive: true });
      const server = spawnManaged(
        redisServer,
        [
          ...["--bind", "127.0.0.1", "--port", String(port), "--dir", dir],
          ...[
            "--cluster-enabled",
            "yes",
            "--cluster-config-file",
            "nodes.conf",
            "--cluster-node-timeout",
            "5000",
          ],
          ...["--appendonly", "no", "--save", "", "--daemonize", "no"],
        ],
        { cwd: dir, stopSignal: "SIGTERM" },
      );
      servers.push(server);
      ports.push(port);
      await waitUntilReady(
        server,
        () => isRedisReachable(`redis://127.0.0.1:${port}`, 1_000),
        "redis-server",
        START_TIMEOUT_MS,
      );
    }
    await run(redisCli, [
      "--cluster",
      "create",
      ...ports.map((port) => `127.0.0.1:${port}`),
      "--cluster-replicas",
      "0",
      "--cluster-yes",
    ]);
    for (const port of ports) await waitForClusterOk(redisCli, port);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `redis+cluster://${ports.map((port) => `127.0.0.1:${port}`).join(",")}`,
    embedded: true,
    stop,
  };
}

/** Every node must agree that all slots are served before clients are pointed at it. */
async function waitForClusterOk(redisCli: string, port: number): Promise<void> {
  for (const deadline = Date.now() + START_TIMEOUT_MS; ; ) {
    const { stdout } = await run(redisCli, ["-p", String(port), "cluster", "info"]);
    if (/cluster_state:ok/.test(stdout)) return;
    if (Date.now() > deadline) throw new Error(`Redis Cluster node ${port} not ready:\n${stdout}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
