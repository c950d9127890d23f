import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdir, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { findFreePort } from "./ports";
import { ensureRunAs } from "./postgres-cluster";
import { isPostgresReachable } from "./postgres";
import { type ManagedProcess, spawnManaged, waitUntilReady } from "./proc";

const run = promisify(execFile);
const START_TIMEOUT_MS = 30_000;

export interface ReplicatedPostgres {
  /** The primary's `postgres` database: writable. */
  primaryUrl: string;
  /** A hot standby streaming from the primary: read-only, a moment behind. */
  replicaUrl: string;
  /** Settles once the standby has replayed everything the primary had written when it was called. */
  caughtUp(): Promise<void>;
  /** Stops the primary only (a fast shutdown), leaving the standby serving reads. */
  stopPrimary(): Promise<void>;
  stop(): Promise<void>;
}

/** The newest PostgreSQL of Debian's packages: its pg_basebackup must match the server's major version. */
async function findBinDir(): Promise<string> {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) {
    throw new Error("Debian's postgresql package is needed for a replica (apt-get install postgresql)");
  }
  const majors = (await readdir(root))
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = join(root, major, "bin");
    if (["initdb", "postgres", "pg_basebackup"].every((tool) => existsSync(join(bin, tool)))) return bin;
  }
  throw new Error(`no initdb, postgres and pg_basebackup under ${root}/*/bin`);
}

/**
 * A primary and a streaming hot standby on loopback ports, in a temporary directory removed by stop(): for
 * testing that reads routed to a replica see what the primary wrote, and that writes never go there.
 */
export async function startReplicatedPostgres(): Promise<ReplicatedPostgres> {
  const bin = await findBinDir();
  const runAs = await ensureRunAs();
  const root = join(tmpdir(), `parallax-replica-${process.pid}-${Date.now()}`);
  const primaryDir = join(root, "primary");
  const replicaDir = join(root, "replica");
  await mkdir(root, { recursive: true, mode: 0o700 });
  if (runAs) await chown(root, runAs.uid, runAs.gid);
  const as = runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
  const servers: ManagedProcess[] = [];
  const stop = async () => {
    for (const server of servers.reverse()) await server.stop(15_000);
    await rm(root, { recursive: true, force: true });
  };
  const start = async (dataDir: string, port: number, what: string) => {
    const server = spawnManaged(
      join(bin, "postgres"),
      [
        ...[
          "-D",
          dataDir,
          "-p",
          String(port),
          "-c",
          "listen_addresses=127.0.0.1",
          "-c",
          "unix_socket_directories=",
        ],
        ...["-c", "wal_level=replica", "-c", "max_wal_senders=4", "-c", "fsync=off"],
      ],
      { cwd: root, ...as, env: { ...process.env, LC_MESSAGES: "C" }, stopSignal: "SIGINT" },
    );
    servers.push(server);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await waitUntilReady(server, () => isPostgresReachable(url, 1_000), what, START_TIMEOUT_MS);
    return url;
  };
  try {
    // trust on loopback, replication included: a throwaway cluster for tests only.
    await run(
      join(bin, "initdb"),
      ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"],
      {
        ...as,
        cwd: root,
      },
    );
    const primaryPort = await findFreePort();
    const primaryUrl = await start(primaryDir, primaryPort, "primary PostgreSQL");
    // -R writes standby.signal and primary_conninfo: the copy starts as a standby streaming from the primary.
    await run(
      join(bin, "pg_basebackup"),
      [
        "-h",
        "127.0.0.1",
        "-p",
        String(primaryPort),
        "-U",
        "postgres",
        "-D",
        replicaDir,
        "-R",
        "-X",
        "stream",
      ],
      { ...as, cwd: root },
    );
    const replicaUrl = await start(replicaDir, await findFreePort(), "replica PostgreSQL");
    await waitForStreaming(primaryUrl);
    const [primaryServer] = servers;
    return {
      primaryUrl,
      replicaUrl,
      caughtUp: () => waitForReplay(primaryUrl, replicaUrl),
      stopPrimary: () => primaryServer!.stop(15_000),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Accepting connections is not yet following the primary: wait until the primary sees the standby streaming. */
async function waitForStreaming(primaryUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: primaryUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    for (
      const deadline = Date.now() + START_TIMEOUT_MS;
      ;
      await new Promise((done) => setTimeout(done, 100))
    ) {
      const { rows } = await client.query(
        "select count(*)::int as n from pg_stat_replication where state = 'streaming'",
      );
      if (rows[0]?.n > 0) return;
      if (Date.now() > deadline)
        throw new Error(`the replica did not start streaming within ${START_TIMEOUT_MS / 1000} s`);
    }
  } finally {
    await client.end();
  }
}

async function waitForReplay(primaryUrl: string, replicaUrl: string): Promise<void> {
  const primary = new pg.Client({ connectionString: primaryUrl, connectionTimeoutMillis: 5_000 });
  const replica = new pg.Client({ connectionString: replicaUrl, connectionTimeoutMillis: 5_000 });
  await primary.connect();
  await replica.connect();
  try {
    const { rows } = await primary.query("select pg_current_wal_lsn()::text as lsn");
    const target = rows[0]?.lsn as string;
    for (
      const deadline = Date.now() + START_TIMEOUT_MS;
      ;
      await new Promise((done) => setTimeout(done, 50))
    ) {
      const replayed = await replica.query("select pg_last_wal_replay_lsn() >= $1::pg_lsn as done", [target]);
      if (replayed.rows[0]?.done) return;
      if (Date.now() > deadline)
        throw new Error(`the replica did not replay up to ${target} within ${START_TIMEOUT_MS / 1000} s`);
    }
  } finally {
    await primary.end();
    await replica.end();
  }
}
