import { zRedisUrl } from "@parallax/queue";
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import {
  canConnect,
  isAlive,
  isOrphaned,
  isPortFree,
  type RunningService,
  startPostgres,
  startRedis,
  terminatePid,
} from "@parallax/services";
import type { Command } from "commander";
import { z } from "zod";
import { bootstrapAdmin } from "../admin-bootstrap";
import { clearRuntime, writeRuntime } from "../runtime";

const blankIsUnset = (value: unknown) => (value === "" ? undefined : value);
const notAPort = { error: "must be a port number (1-65535)" };
const zPort = z.coerce.number(notAPort).int(notAPort).min(1, notAPort).max(65_535, notAPort);

/** `parallax start` is the one deployable that reads these; web and worker get them from it, resolved. */
const zStartEnv = z.object({
  DATABASE_URL: z.preprocess(
    blankIsUnset,
    z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// URL" }).optional(),
  ),
  REDIS_URL: z.preprocess(blankIsUnset, zRedisUrl.optional()),
  PORT: z.preprocess(blankIsUnset, zPort.default(3000)),
});

const zOptions = z.object({ dev: z.boolean().default(false), port: zPort.optional() });

function parse<T>(schema: z.ZodType<T>, source: unknown, what: string): T {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  throw new Error(
    `${what}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
  );
}

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(`no pnpm-workspace.yaml above ${from}: run Parallax from its checkout`);
    }
  }
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const warn = (line: string) => process.stderr.write(`${line}\n`);

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

interface AppProcess {
  name: "web" | "worker";
  child: ChildProcess;
  exit?: Exit;
  exited: Promise<Exit>;
  /** Settles when its output has been fully relayed. */
  closed: Promise<void>;
}

function relayLines(from: Readable | null, to: Writable, prefix: string): void {
  if (!from) return;
  const lines = createInterface({ input: from, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on("line", (line) => to.write(`${prefix}${line}\n`));
}

/**
 * Web and worker run in process groups of their own: a Ctrl-C reaches only this process, which stops them before
 * the database and Redis they use, and signals to the group also reach what they spawn (next dev's server, tsx's node).
 */
function spawnApp(
  name: AppProcess["name"],
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  relayLines(child.stdout, process.stdout, `[${name}] `);
  relayLines(child.stderr, process.stderr, `[${name}] `);
  const app: AppProcess = {
    name,
    child,
    exited: new Promise<Exit>((resolve) => {
      child.once("error", (error) => resolve({ code: null, signal: null, error }));
      child.once("exit", (code, signal) => resolve({ code, signal }));
    }).then((exit) => (app.exit = exit)),
    closed: new Promise((resolve) => child.once("close", () => resolve())),
  };
  return app;
}

function signalGroup(app: AppProcess, signal: NodeJS.Signals): void {
  if (!app.child.pid) return;
  try {
    process.kill(-app.child.pid, signal);
  } catch {}
}

function describeExit(exit: Exit): string {
  if (exit.error) return exit.error.message;
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

const STOP_GRACE_MS = 10_000;

async function stopApps(apps: AppProcess[]): Promise<void> {
  const running = apps.filter((app) => !app.exit);
  for (const app of running) signalGroup(app, "SIGTERM");
  const timeout = new AbortController();
  const allExited = Promise.all(running.map((app) => app.exited)).then(() => true);
  const inTime = await Promise.race([allExited, sleep(STOP_GRACE_MS, false, { signal: timeout.signal })]);
  timeout.abort();
  if (!inTime) {
    for (const app of running.filter((a) => !a.exit)) {
      warn(`[${app.name}] did not stop within ${STOP_GRACE_MS / 1000} s: killing it`);
      signalGroup(app, "SIGKILL");
    }
    await allExited;
  }
  // Whatever they spawned and left behind goes with them.
  for (const app of apps) signalGroup(app, "SIGKILL");
  await Promise.race([Promise.all(apps.map((app) => app.closed)), sleep(1_000)]);
}

/**
 * Web and worker of an earlier run whose owner was killed outright (kill -9) keep running, holding the port and
 * retrying a Redis that is gone; their pids are kept in .parallax/apps.pid so the next start can stop them. A pid
 * is only acted on when it is still one of this checkout's apps and no live Parallax owns it.
 */
async function stopLeftoverApps(pidFile: string, root: string): Promise<void> {
  const recorded = await readFile(pidFile, "utf8").catch(() => "");
  for (const line of recorded.split("\n")) {
    const [pidText, name] = line.split(" ");
    const pid = Number(pidText);
    if (!name || !isAlive(pid) || !isOrphaned(pid)) continue;
    let commandLine = "";
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {}
    if (!commandLine.includes(root)) continue;
    const label = name === "web" ? "web app" : name;
    say(`[${name}] stopping the ${label} (pid ${pid}) left running by an earlier run that was killed`);
    await terminatePid(pid, "SIGTERM", STOP_GRACE_MS, { group: true });
  }
}

async function startServices(env: z.infer<typeof zStartEnv>, dataRoot: string, started: RunningService[]) {
  const results = await Promise.allSettled([
    startPostgres({
      url: env.DATABASE_URL,
      dataDir: join(dataRoot, "postgres"),
      log: (line) => say(`[postgres] ${line}`),
    }),
    startRedis({
      url: env.REDIS_URL,
      dataDir: join(dataRoot, "redis"),
      log: (line) => say(`[redis] ${line}`),
    }),
  ]);
  for (const result of results) if (result.status === "fulfilled") started.push(result.value);
  const [postgres, redis] = results;
  if (postgres.status === "rejected") throw postgres.reason;
  if (redis.status === "rejected") throw redis.reason;
  return { postgres: postgres.value, redis: redis.value };
}

/** Someone must be able to sign in: see bootstrapAdmin. */
async function ensureAdmin(databaseUrl: string, webUrl: string): Promise<void> {
  const { closeDatabase, createDatabase } = await import("@parallax/db");
  const db = createDatabase(databaseUrl, { max: 1 });
  try {
    await bootstrapAdmin(db, process.env, say, webUrl);
  } finally {
    await closeDatabase(db);
  }
}

async function start(rawOptions: unknown): Promise<void> {
  const env = parse(zStartEnv, process.env, "environment");
  const options = parse(zOptions, rawOptions, "options");
  const port = options.port ?? env.PORT;
  const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
  const webDir = join(root, "apps/web");
  const next = join(webDir, "node_modules/.bin/next");
  const tsx = join(root, "node_modules/.bin/tsx");
  const workerMain = join(root, "apps/worker/src/main.ts");

  for (const [path, fix] of [
    [next, "run pnpm install"],
    [tsx, "run pnpm install"],
    [workerMain, "is the checkout complete?"],
  ] as const) {
    if (!existsSync(path)) throw new Error(`${path} is missing: ${fix}`);
  }
  if (!options.dev && !existsSync(join(webDir, ".next/BUILD_ID"))) {
    throw new Error("the web app has not been built: run pnpm build first (pnpm start builds, then starts)");
  }
  const dataRoot = join(root, ".parallax");
  const appsPidFile = join(dataRoot, "apps.pid");
  await stopLeftoverApps(appsPidFile, root);
  if (!(await isPortFree(port))) {
    throw new Error(`port ${port} is in use: stop what uses it, or set PORT / --port`);
  }

  let stopping: NodeJS.Signals | undefined;
  let stoppingAt = 0;
  let forced = false;
  let onStop: (signal: NodeJS.Signals) => void = () => {};
  const stopRequested = new Promise<NodeJS.Signals>((resolve) => (onStop = resolve));
  const apps: AppProcess[] = [];
  const handleSignal = (signal: NodeJS.Signals) => {
    // A repeat within half a second is the same Ctrl-C relayed by a wrapper (pnpm, tsx), not the user insisting.
    if (stopping && !forced && Date.now() - stoppingAt > 500) {
      forced = true;
      warn("stopping now");
      for (const app of apps) signalGroup(app, "SIGKILL");
    } else if (!stopping) {
      stopping = signal;
      stoppingAt = Date.now();
      say(`\n${signal}: stopping Parallax`);
      onStop(signal);
    }
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.on(signal, handleSignal);

  const services: RunningService[] = [];
  /** Starts everything, then waits; resolves to the exit code once stopping is due. */
  const run = async (): Promise<number> => {
    const { postgres, redis } = await startServices(env, dataRoot, services);
    if (stopping) return 0;
    const { runMigrations } = await import("@parallax/db/migrate");
    await runMigrations(postgres.url);
    if (stopping) return 0;
    await ensureAdmin(postgres.url, `http://localhost:${port}`);
    if (stopping) return 0;

    const mode = options.dev ? "development" : "production";
    const appEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      PORT: String(port),
      NODE_ENV: mode,
      // Parallax makes no network calls of its own accord; Next.js would otherwise report usage telemetry.
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // Used once, above; web and worker have no business holding it.
    delete appEnv.PARALLAX_ADMIN_PASSWORD;
    apps.push(spawnApp("web", next, [options.dev ? "dev" : "start", "-p", String(port)], webDir, appEnv));
    apps.push(spawnApp("worker", tsx, [workerMain], root, appEnv));
    await mkdir(dataRoot, { recursive: true });
    await writeFile(appsPidFile, apps.map((app) => `${app.child.pid} ${app.name}\n`).join(""));
    // Where admin commands (`parallax reprocess`) find this Parallax's services when no URLs are configured.
    await writeRuntime(root, {
      databaseUrl: postgres.url,
      redisUrl: redis.url,
      webUrl: `http://localhost:${port}`,
    });
    const firstExit = Promise.race(apps.map((app) => app.exited.then(() => app)));

    const webListening = (async () => {
      while (!stopping && !apps.some((app) => app.exit) && !(await canConnect(port))) await sleep(200);
    })();
    await Promise.race([webListening, firstExit, stopRequested]);
    if (!stopping && !apps.some((app) => app.exit)) {
      const kind = (service: RunningService) => (service.embedded ? "embedded" : "external");
      say(
        `Parallax is running at http://localhost:${port} ` +
          `(database: ${kind(postgres)}, redis: ${kind(redis)}) — Ctrl-C to stop`,
      );
    }

    const outcome = await Promise.race([firstExit, stopRequested]);
    if (typeof outcome === "string" || stopping) return 0;
    const what = outcome.name === "web" ? "web app" : "worker";
    warn(`parallax: the ${what} exited unexpectedly (${describeExit(outcome.exit!)}): stopping Parallax`);
    return 1;
  };

  let exitCode: number;
  try {
    exitCode = await run();
  } finally {
    await stopApps(apps);
    // Only our own record: a start that failed early must not erase that of a Parallax still running.
    if (apps.length > 0) {
      await rm(appsPidFile, { force: true });
      await clearRuntime(root);
    }
    for (const service of services.reverse()) {
      await service.stop().catch((error: unknown) => warn(`parallax: ${(error as Error).message}`));
    }
    for (const signal of signals) process.off(signal, handleSignal);
  }
  say("Parallax stopped");
  process.exit(exitCode);
}

export function registerStart(program: Command): void {
  program
    .command("start")
    .description(
      "run Parallax: PostgreSQL and Redis (embedded unless configured), migrations, web app and worker",
    )
    .option("--dev", "run the web app with next dev (hot reload, NODE_ENV=development)")
    .option("-p, --port <port>", "port for the web app (default: $PORT or 3000)")
    .action(start);
}
