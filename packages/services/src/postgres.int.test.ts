import { spawn, spawnSync } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orphanService } from "./__fixtures__/orphan";
import { findFreePort } from "./ports";
import { createDatabase, dropDatabase, isPostgresReachable, startPostgres } from "./postgres";
import { ensureRunAs } from "./postgres-cluster";
import { isAlive } from "./proc";
import type { RunningService } from "./types";

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const result = await client.query<{ one: number }>("select 1 as one");
    return result.rows[0]!.one;
  } finally {
    await client.end();
  }
}

/** The pid of a process that has just exited: dead, but a plausible number. */
function deadPid(): number {
  const child = spawnSync("sh", ["-c", "echo $$"], { encoding: "utf8" });
  return Number(child.stdout.trim());
}

async function writeLockFile(dataDir: string, pid: number): Promise<void> {
  // The layout PostgreSQL writes: pid, data directory, start time, port, socket dir, listen address, shmem key, status.
  await writeFile(
    join(dataDir, "postmaster.pid"),
    `${pid}\n${dataDir}\n1700000000\n54329\n\n127.0.0.1\n0 0\nready   \n`,
  );
}

describe("embedded PostgreSQL", () => {
  let root: string;
  let dataDir: string;
  let postgres: RunningService | undefined;

  beforeAll(async () => {
    root = await mkdtemp("/tmp/parallax-services-pg-");
    // mkdtemp makes the directory private to root; the server runs as the postgres user and must enter it.
    await chmod(root, 0o755);
    dataDir = join(root, "postgres");
    postgres = await startPostgres({ dataDir });
  }, 120_000);

  afterAll(async () => {
    await postgres?.stop();
    await rm(root, { recursive: true, force: true });
  }, 30_000);

  it("initialises a cluster and serves the parallax database", async () => {
    expect(postgres!.embedded).toBe(true);
    expect(postgres!.url).toMatch(/^postgres:\/\/postgres:password@127\.0\.0\.1:\d+\/parallax$/);
    expect(await selectOne(postgres!.url)).toBe(1);
  });

  it("creates and drops a database on the same server", async () => {
    const created = await createDatabase(postgres!.url, "parallax_services_test");
    expect(created).toMatch(/\/parallax_services_test$/);
    expect(await selectOne(created)).toBe(1);
    await dropDatabase(postgres!.url, "parallax_services_test");
    expect(await isPostgresReachable(created, 2_000)).toBe(false);
    await expect(dropDatabase(postgres!.url, "parallax_services_test")).resolves.toBeUndefined();
  });

  it("stops, and starts again over a stale postmaster.pid naming a dead pid", async () => {
    const { url } = postgres!;
    await postgres!.stop();
    postgres = undefined;
    expect(await isPostgresReachable(url, 1_000)).toBe(false);
    await writeLockFile(dataDir, deadPid());
    postgres = await startPostgres({ dataDir });
    expect(await selectOne(postgres.url)).toBe(1);
  }, 60_000);

  it("starts again when postmaster.pid names a live process of the same user that is not its postgres", async () => {
    await postgres!.stop();
    postgres = undefined;
    // PostgreSQL alone refuses this one ("lock file already exists"): after a crash the pid may be reused by any
    // process its user can signal, such as another cluster's backend.
    const postgresUser = await ensureRunAs();
    const squatter = spawn("sleep", ["60"], {
      uid: postgresUser?.uid,
      gid: postgresUser?.gid,
      stdio: "ignore",
    });
    try {
      await writeLockFile(dataDir, squatter.pid!);
      postgres = await startPostgres({ dataDir });
      expect(await selectOne(postgres.url)).toBe(1);
    } finally {
      squatter.kill("SIGKILL");
    }
  }, 60_000);

  it("stops the orphaned server of an owner killed with SIGKILL, then starts its own", async () => {
    await postgres!.stop();
    postgres = undefined;
    const orphanUrl = await orphanService("postgres", dataDir);
    const orphanPid = Number((await readFile(join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
    expect(await isPostgresReachable(orphanUrl, 2_000)).toBe(true);

    postgres = await startPostgres({ dataDir });
    expect(isAlive(orphanPid)).toBe(false);
    expect(await selectOne(postgres.url)).toBe(1);
  }, 60_000);

  it("names DATABASE_URL when the given server does not answer", async () => {
    const port = await findFreePort();
    const url = `postgres://postgres:secret@127.0.0.1:${port}/parallax`;
    expect(await isPostgresReachable(url, 1_000)).toBe(false);
    const failure = startPostgres({ url, dataDir: join(root, "unused") });
    await expect(failure).rejects.toThrow(
      /^DATABASE_URL \(postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/parallax\) is not reachable: .*ECONNREFUSED/,
    );
  });
});
