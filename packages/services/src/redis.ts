import { mkdir, readFile, realpath, unlink } from "node:fs/promises";
import net from "node:net";
import { join, resolve } from "node:path";
import tls from "node:tls";
import { ensureDebianPackage, findOnPath } from "./install";
import { findFreePort } from "./ports";
import {
  describeError,
  isAlive,
  isOrphaned,
  processCwd,
  processInfo,
  lostPortRace,
  spawnManaged,
  terminatePid,
  waitUntilReady,
} from "./proc";
import type { RunningService, StartServiceOptions } from "./types";
import { redactUrl } from "./url";

const CONNECT_TIMEOUT_MS = 5_000;
const START_TIMEOUT_MS = 15_000;

function command(...args: string[]): string {
  return `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join("")}`;
}

/**
 * A `redis+cluster://a:1,b:2` URL as a plain URL of its first seed node (with the same credentials), which is
 * enough to tell whether the cluster answers; undefined for any other URL.
 */
export function firstClusterNode(url: string): string | undefined {
  const match = /^(rediss?)\+cluster:\/\/(?:([^@/]*)@)?([^,/?#]*)/i.exec(url);
  if (!match) return undefined;
  return `${match[1]}://${match[2] ? `${match[2]}@` : ""}${match[3]}`;
}

/** AUTH (when the URL has a password) and PING in raw RESP: enough to know the server answers, no client library. */
export function pingRedis(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
  return new Promise((resolvePing, reject) => {
    let parsed: URL;
    try {
      parsed = new URL(firstClusterNode(url) ?? url);
    } catch {
      reject(new Error("not a valid URL"));
      return;
    }
    const host = parsed.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1";
    const port = Number(parsed.port || 6379);
    const socket =
      parsed.protocol === "rediss:"
        ? tls.connect({ host, port, servername: host })
        : net.connect({ host, port });
    const finish = (error?: Error) => {
      socket.destroy();
      error ? reject(error) : resolvePing();
    };
    socket.setTimeout(timeoutMs, () => finish(new Error(`no answer within ${timeoutMs} ms`)));
    socket.once("error", (error) => finish(new Error(describeError(error))));
    socket.once("close", () => finish(new Error("connection closed before PONG")));
    socket.once(parsed.protocol === "rediss:" ? "secureConnect" : "connect", () => {
      const password = decodeURIComponent(parsed.password);
      const username = decodeURIComponent(parsed.username);
      const auth = password
        ? username
          ? command("AUTH", username, password)
          : command("AUTH", password)
        : "";
      socket.write(`${auth}${command("PING")}`);
    });
    let received = "";
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("utf8");
      for (const line of received.split("\r\n")) {
        if (line.startsWith("-")) return finish(new Error(line.slice(1)));
        if (line === "+PONG") return finish();
      }
    });
  });
}

export async function isRedisReachable(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<boolean> {
  return pingRedis(url, timeoutMs).then(
    () => true,
    () => false,
  );
}

/** A redis-server still serving this directory: an orphan of a killed owner is stopped, a live owner's is an error. */
async function clearLeftover(dataDir: string, pidFile: string, log: (line: string) => void): Promise<void> {
  const content = await readFile(pidFile, "utf8").catch(() => undefined);
  if (content === undefined) return;
  const pid = Number.parseInt(content.trim(), 10);
  // redis-server chdirs into --dir, which tells its own server apart from an unrelated process with a reused pid.
  const servesThisDir =
    isAlive(pid) && /redis/.test(processInfo(pid)?.name ?? "") && processCwd(pid) === dataDir;
  if (servesThisDir) {
    if (!isOrphaned(pid)) {
      throw new Error(
        `the Redis data in ${dataDir} is in use by another running process (redis-server pid ${pid}): stop that first`,
      );
    }
    log(`stopping redis-server (pid ${pid}) left running by an earlier run that was killed`);
    await terminatePid(pid, "SIGTERM", 10_000);
  }
  await unlink(pidFile).catch(() => {});
}

async function findRedisServer(log: (line: string) => void): Promise<string> {
  const found = findOnPath("redis-server");
  if (found) return found;
  if (await ensureDebianPackage("redis-server", "redis-server", log)) {
    const installed = findOnPath("redis-server");
    if (installed) return installed;
  }
  throw new Error("redis-server not found: install it (apt-get install redis-server) or set REDIS_URL");
}

/**
 * The Redis the queues use: the server at `url` when given (checked to answer PING), otherwise a redis-server
 * child on a free port with its append-only file in `dataDir`.
 */
export async function startRedis(opts: StartServiceOptions): Promise<RunningService> {
  if (opts.url) {
    try {
      await pingRedis(opts.url, CONNECT_TIMEOUT_MS);
    } catch (error) {
      throw new Error(`REDIS_URL (${redactUrl(opts.url)}) is not reachable: ${describeError(error)}`);
    }
    return { url: opts.url, embedded: false, stop: async () => {} };
  }
  const log = opts.log ?? (() => {});
  const redisServer = await findRedisServer(log);
  await mkdir(resolve(opts.dataDir), { recursive: true });
  const dataDir = await realpath(resolve(opts.dataDir));
  const pidFile = join(dataDir, "redis-server.pid");
  await clearLeftover(dataDir, pidFile, log);

  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await findFreePort());
    const server = spawnManaged(
      redisServer,
      [
        ...["--bind", "127.0.0.1", "--port", String(port), "--dir", dataDir],
        // Jobs survive a restart through the append-only file; RDB snapshots would only duplicate it.
        ...["--appendonly", "yes", "--save", "", "--daemonize", "no", "--pidfile", pidFile],
      ],
      { cwd: dataDir, stopSignal: "SIGTERM" },
    );
    const url = `redis://127.0.0.1:${port}`;
    const stop = () => server.stop(10_000);
    try {
      await waitUntilReady(server, () => isRedisReachable(url, 1_000), "redis-server", START_TIMEOUT_MS);
    } catch (error) {
      await stop();
      if (attempt < 3 && opts.port === undefined && lostPortRace(server)) continue;
      throw error;
    }
    return { url, embedded: true, stop };
  }
}
