import { mkdir, realpath } from "node:fs/promises";
import { resolve } from "node:path";
import pg from "pg";
import {
  assertTraversable,
  clearStaleLock,
  ensureRunAs,
  findBinaries,
  initCluster,
  isInitialised,
  PASSWORD,
  SUPERUSER,
} from "./postgres-cluster";
import { findFreePort } from "./ports";
import { describeError, lostPortRace, spawnManaged, waitUntilReady } from "./proc";
import type { RunningService, StartServiceOptions } from "./types";
import { redactUrl } from "./url";

/** A fixed port keeps the embedded database's URL stable between runs (handy for psql); any free one otherwise. */
const PREFERRED_PORT = 54329;
const DATABASE = "parallax";
const CONNECT_TIMEOUT_MS = 5_000;
const START_TIMEOUT_MS = 60_000;

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

async function withClient<T>(
  url: string,
  timeoutMs: number,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  // A server going away mid-query is reported by the query; an unhandled 'error' event would crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
    return await use(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkPostgres(url: string, timeoutMs: number): Promise<void> {
  await withClient(url, timeoutMs, (client) => client.query("select 1"));
}

export async function isPostgresReachable(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<boolean> {
  return checkPostgres(url, timeoutMs).then(
    () => true,
    () => false,
  );
}

/** CREATE DATABASE `name` on the server that `serverUrl` points at; returns the new database's URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(serverUrl, CONNECT_TIMEOUT_MS, (client) =>
    client.query(`create database ${client.escapeIdentifier(name)}`),
  );
  return withDatabase(serverUrl, name);
}

/** Drops `name` even while clients are still connected to it (they are disconnected). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, CONNECT_TIMEOUT_MS, (client) =>
    client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
  );
}

async function useExternal(url: string): Promise<RunningService> {
  try {
    await checkPostgres(url, CONNECT_TIMEOUT_MS);
  } catch (error) {
    throw new Error(`DATABASE_URL (${redactUrl(url)}) is not reachable: ${describeError(error)}`);
  }
  return { url, embedded: false, stop: async () => {} };
}

/**
 * The database the app uses: the server at `url` when given (checked to answer), otherwise an embedded
 * PostgreSQL kept in `dataDir`, initialised on first use, with a "parallax" database.
 */
export async function startPostgres(opts: StartServiceOptions): Promise<RunningService> {
  if (opts.url) return useExternal(opts.url);
  const log = opts.log ?? (() => {});

  await mkdir(resolve(opts.dataDir), { recursive: true });
  const dataDir = await realpath(resolve(opts.dataDir));
  const [binaries, runAs] = await Promise.all([findBinaries(), ensureRunAs()]);
  if (runAs) await assertTraversable(binaries.postgres, runAs);

  if (await isInitialised(dataDir)) {
    await clearStaleLock(dataDir, log);
  } else {
    log(`initialising a PostgreSQL cluster in ${dataDir}`);
    await initCluster(binaries, dataDir, runAs);
  }

  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await findFreePort(attempt === 1 ? PREFERRED_PORT : undefined));
    const server = spawnManaged(
      binaries.postgres,
      [
        ...["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1"],
        // TCP only: no socket file in /tmp to collide with other clusters or to outlive a killed server.
        ...["-c", "unix_socket_directories="],
      ],
      {
        cwd: dataDir,
        uid: runAs?.uid,
        gid: runAs?.gid,
        env: { ...process.env, LC_MESSAGES: "C" },
        stopSignal: "SIGINT",
      },
    );
    const serverUrl = `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
    const stop = () => server.stop(15_000);
    try {
      const probe = () => isPostgresReachable(serverUrl, 1_000);
      await waitUntilReady(server, probe, "embedded PostgreSQL", START_TIMEOUT_MS);
      const exists = await withClient(serverUrl, CONNECT_TIMEOUT_MS, (client) =>
        client.query("select 1 from pg_database where datname = $1", [DATABASE]),
      );
      if (exists.rowCount === 0) await createDatabase(serverUrl, DATABASE);
    } catch (error) {
      await stop();
      if (attempt < 3 && opts.port === undefined && lostPortRace(server)) continue;
      throw error;
    }
    return { url: withDatabase(serverUrl, DATABASE), embedded: true, stop };
  }
}
