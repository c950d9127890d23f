/**
 * `pnpm bench:pipeline`: end-to-end ingestion through the production web app (`next start`), the real BullMQ
 * queues, PostgreSQL and 1, 2 and 4 real worker processes (apps/worker/src/main.ts), each run on a fresh database
 * and queue prefix of its own. Measures, per worker count: submit rate, articles/s sustained to ready, to
 * in-story and until every debounced briefing ran; latency submit→ready, →in-story and →briefing-updated
 * (p50/p95/p99); peak RSS of each process and its growth per 1,000 articles. Then the idle latency (one article
 * at a time on one worker), a CPU profile of one worker process and its normalizer threads (where the time goes),
 * and the peer: BullMQ's own floor, the same four stage queues whose processors only enqueue the next stage, with
 * the same concurrency and process counts, on the same Redis.
 *
 * Settings (environment, all optional):
 *   PIPELINE_ARTICLES=10000        articles per throughput run
 *   PIPELINE_WORKERS=1,2,4         worker process counts, one throughput run (and one floor run) each
 *   PIPELINE_IN_FLIGHT=32          submissions in flight at once
 *   PIPELINE_IDLE_ARTICLES=50      articles of the idle-latency run (0 skips it)
 *   PIPELINE_PROFILE_ARTICLES=2000 articles of the extra profiled 1-worker run (0 skips it)
 *   PIPELINE_PROFILE=1             also profile the workers of every throughput run
 *   PIPELINE_KEEP_DB=1             keep the databases (`parallax_bench_pipeline_<pid>_<n>`) for a look afterwards
 *   PIPELINE_TIMEOUT_S=3600        longest a run may take before the benchmark fails
 *   DATABASE_URL, REDIS_URL        the PostgreSQL server and Redis (default: the local ones)
 * A 100k-article memory check: `PIPELINE_ARTICLES=100000 PIPELINE_WORKERS=1 PIPELINE_IDLE_ARTICLES=0
 * PIPELINE_PROFILE_ARTICLES=0 pnpm bench:pipeline` and read the growth column.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { readEnv as readWorkerEnv } from "../../apps/worker/src/env";
import { profileReport, readProfiles, summarize } from "./pipeline/cpu-profile";
import { readPipelineEnv } from "./pipeline/env";
import { type FloorResult, runFloor } from "./pipeline/floor";
import { type IdleResult, idleRun, type RunResult, type Submission, throughputRun } from "./pipeline/measure";
import { ensureWebBuild, type Stack, startStack } from "./pipeline/stack";
import { fmt, percentile, seconds, table } from "./pipeline/stats";
import { baseArticles, corpusSubmissions } from "./web-corpus";

const log = (line: string) => process.stdout.write(`${line}\n`);
const progressLog = (line: string) => process.stderr.write(`${line}\n`);

const active = new Set<Stack>();
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    progressLog(`${signal}: stopping the processes and dropping the databases…`);
    void Promise.all([...active].map((stack) => stack.stop())).finally(() => process.exit(130));
  });

async function withStack<T>(options: Parameters<typeof startStack>[0], use: (stack: Stack) => Promise<T>) {
  const stack = await startStack(options);
  active.add(stack);
  try {
    return await use(stack);
  } finally {
    active.delete(stack);
    await stack.stop();
  }
}

async function machine(serverUrl: string, redisUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const postgres = (await client.query<{ v: string }>("select version() as v")).rows[0]!.v.split(" on ")[0];
  await client.end();
  const { createRedis } = await import("@parallax/queue");
  const redis = createRedis(redisUrl, "worker");
  const redisVersion = /redis_version:(\S+)/.exec(await redis.info("server"))?.[1] ?? "?";
  redis.disconnect();
  const cpus = os.cpus();
  return (
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `${os.type()} ${os.release()}, Node ${process.version}, ${postgres}, Redis ${redisVersion}; ` +
    `load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`
  );
}

function throughputTable(runs: RunResult[], floors: FloorResult[]): string {
  const perSecond = (n: number, s: number) => fmt(n / s, 1);
  return table(
    [
      "worker processes",
      "articles",
      "submit /s",
      "ready /s",
      "in story /s",
      "all briefings run /s",
      "BullMQ floor /s (peer)",
      "ours / floor",
      "duplicates",
      "failed",
      "enriched",
      "in story",
    ],
    runs.map((r) => {
      const floor = floors.find((f) => f.processes === r.workers);
      const ours = r.articles / r.drainedSeconds;
      return [
        `${r.workers}${r.label.includes("profiled") ? " (profiled)" : ""}`,
        fmt(r.articles),
        perSecond(r.articles, r.submitSeconds),
        perSecond(r.ready + r.duplicates, r.readySeconds),
        perSecond(r.inStory, r.storySeconds),
        fmt(ours, 1),
        floor ? fmt(floor.articlesPerSecond, 0) : "–",
        floor ? `${fmt((100 * ours) / floor.articlesPerSecond, 1)} %` : "–",
        fmt(r.duplicates),
        fmt(r.failed),
        fmt(r.enriched),
        fmt(r.inStory),
      ];
    }),
  );
}

function latencyRows(label: string, latency: RunResult["latency"], articles: number): string[][] {
  const row = (what: string, values: number[]) => [
    label,
    what,
    `${fmt(values.length)} of ${fmt(articles)}`,
    seconds(percentile(values, 0.5)),
    seconds(percentile(values, 0.95)),
    seconds(percentile(values, 0.99)),
    seconds(values.length ? Math.max(...values) : Number.NaN),
  ];
  return [
    row("submit → ready", latency.ready),
    row("submit → in story", latency.story),
    row("submit → briefing updated", latency.briefing),
  ];
}

const latencyHeader = ["run", "latency", "measured", "p50 s", "p95 s", "p99 s", "max s"];

async function main() {
  const env = readPipelineEnv();
  const workerDefaults = readWorkerEnv({ DATABASE_URL: env.DATABASE_URL, REDIS_URL: env.REDIS_URL });
  ensureWebBuild(progressLog);
  const header = await machine(env.DATABASE_URL, env.REDIS_URL);
  const largest = Math.max(
    env.PIPELINE_ARTICLES,
    env.PIPELINE_PROFILE_ARTICLES,
    env.PIPELINE_IDLE_ARTICLES + 1,
  );
  progressLog(`building ${fmt(largest)} submissions…`);
  // Wire-copy variants of the real articles of ../shared/data (bench:web's corpus, so both benchmarks describe
  // the same data): outlets re-publishing a story with different cuts is what feeds deliver, and those copies
  // go through duplicate detection and join stories the way real ones do. The burst test's recombined
  // sentences would give ten stories only, all far over the 60 articles a briefing reads.
  const corpus: Submission[] = corpusSubmissions(baseArticles(), largest);
  const runOptions = {
    serverUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    keepDatabase: env.PIPELINE_KEEP_DB,
    log: progressLog,
  };
  const timeoutMs = env.PIPELINE_TIMEOUT_S * 1000;
  const profileRoot = mkdtempSync(path.join(os.tmpdir(), "parallax-pipeline-profile-"));
  const profileArgs = (name: string) => ["--cpu-prof", "--cpu-prof-dir", path.join(profileRoot, name)];

  const runs: RunResult[] = [];
  const profiled: Array<{ name: string; dir: string }> = [];
  for (const workers of env.PIPELINE_WORKERS) {
    const label = `${workers} worker${workers > 1 ? "s" : ""}`;
    progressLog(`throughput run: ${fmt(env.PIPELINE_ARTICLES)} articles, ${label}…`);
    const name = `throughput-${workers}`;
    runs.push(
      await withStack(
        {
          ...runOptions,
          label,
          workers,
          ...(env.PIPELINE_PROFILE ? { workerNodeArgs: profileArgs(name) } : {}),
        },
        (stack) =>
          throughputRun(
            stack,
            env.REDIS_URL,
            corpus.slice(0, env.PIPELINE_ARTICLES),
            env.PIPELINE_IN_FLIGHT,
            timeoutMs,
            progressLog,
          ),
      ),
    );
    if (env.PIPELINE_PROFILE) profiled.push({ name: label, dir: path.join(profileRoot, name) });
  }

  let idle: IdleResult | null = null;
  if (env.PIPELINE_IDLE_ARTICLES > 0) {
    progressLog(`idle latency: ${env.PIPELINE_IDLE_ARTICLES} articles one at a time, 1 worker…`);
    idle = await withStack({ ...runOptions, label: "idle", workers: 1 }, (stack) =>
      idleRun(stack, env.REDIS_URL, corpus.slice(0, env.PIPELINE_IDLE_ARTICLES + 1), timeoutMs),
    );
  }

  let profileRun: RunResult | null = null;
  if (env.PIPELINE_PROFILE_ARTICLES > 0) {
    progressLog(`profiled run: ${fmt(env.PIPELINE_PROFILE_ARTICLES)} articles, 1 worker with --cpu-prof…`);
    profileRun = await withStack(
      { ...runOptions, label: "1 worker, profiled", workers: 1, workerNodeArgs: profileArgs("profiled-1") },
      (stack) =>
        throughputRun(
          stack,
          env.REDIS_URL,
          corpus.slice(0, env.PIPELINE_PROFILE_ARTICLES),
          env.PIPELINE_IN_FLIGHT,
          timeoutMs,
          progressLog,
        ),
    );
    profiled.unshift({ name: "1 worker, profiled run", dir: path.join(profileRoot, "profiled-1") });
  }

  const floors: FloorResult[] = [];
  for (const processes of env.PIPELINE_WORKERS) {
    progressLog(`BullMQ floor: ${fmt(env.PIPELINE_ARTICLES)} jobs × 4 stages, ${processes} process(es)…`);
    floors.push(
      await runFloor({
        redisUrl: env.REDIS_URL,
        prefix: `pbench-floor-${process.pid}-${processes}`,
        processes,
        jobs: env.PIPELINE_ARTICLES,
        ingestConcurrency: workerDefaults.INGEST_CONCURRENCY,
        enrichConcurrency: workerDefaults.ENRICH_CONCURRENCY,
        timeoutMs,
      }),
    );
  }

  log(`\nbench:pipeline — ${header}`);
  log(
    "Articles: wire-copy variants of the real articles of ../shared/data (bench/src/web-corpus.ts " +
      `corpusSubmissions, deterministic), posted as JSON to POST /api/articles of \`next start\`, ` +
      `${env.PIPELINE_IN_FLIGHT} in flight; worker concurrency ingest ${workerDefaults.INGEST_CONCURRENCY}, ` +
      `enrich ${workerDefaults.ENRICH_CONCURRENCY}, cluster 1, brief 1 per process (apps/worker defaults), ` +
      "WORKER_NICE=0. Each run on a fresh database.\n",
  );
  log(
    "Throughput (count ÷ seconds from the first submission; the floor is BullMQ alone, same stages and concurrency):\n",
  );
  log(throughputTable(profileRun ? [...runs, profileRun] : runs, floors));
  log(
    "\n“all briefings run” is until nothing waits, is delayed or runs in ingest, enrich, cluster and brief: the last " +
      "debounced (2 s) briefing rebuild included.\n",
  );
  log("Latency (client send time of the POST to the database timestamps):\n");
  const latencyTable: string[][] = runs.flatMap((r) => latencyRows(r.label, r.latency, r.articles));
  if (idle) latencyTable.push(...latencyRows("idle, one at a time", idle.latency, idle.articles));
  log(table(latencyHeader, latencyTable, 2));
  log(
    "\n“briefing updated” is the first briefing version of the article's story built after it joined. A rebuild " +
      "whose content did not change stores no version (and a briefing reads only a story's first 60 articles), " +
      "so it exists only for the articles counted in “measured”; when a rebuild ran without storing a version is " +
      "not recorded anywhere. A rebuild waits 2 s after the first change (BRIEF_DEBOUNCE_MS) and takes every " +
      "change made meanwhile; a change during a rebuild makes one more after it (one per story at a time), so " +
      "under load each rebuild covers more articles.\n",
  );
  if (idle) {
    const p95 = percentile(idle.latency.ready, 0.95);
    log(
      `Idle goal, p95 submit → ready < 1 s: ${seconds(p95)} s — ${p95 < 1000 ? "met" : "NOT met"}. ` +
        `Throughput goal, ≥ 200 articles/s with the full pipeline: best ${fmt(
          Math.max(...runs.map((r) => r.articles / r.drainedSeconds)),
          1,
        )} /s — ${runs.some((r) => r.articles / r.drainedSeconds >= 200) ? "met" : "NOT met"}.\n`,
    );
  }
  log(
    "Memory (RSS from /proc every second; growth is the least-squares slope of RSS over articles through the " +
      "pipeline — final state, enriched and in a story each a third — over the last 3/4 of each run):\n",
  );
  log(
    table(
      ["run", "process", "peak RSS MB (VmHWM)", "RSS at end MB", "growth MB / 1,000 articles"],
      (profileRun ? [...runs, profileRun] : runs).flatMap((r) =>
        r.memory.map((m) => [r.label, m.name, fmt(m.peakMb), fmt(m.endMb), fmt(m.growthMbPer1k, 2)]),
      ),
      2,
    ),
  );
  log(
    `\nThe web process's figures are \`next start\` and its children together. A 100k-article run for growth: see ` +
      "the module comment of bench/src/pipeline.ts.\n",
  );
  log("BullMQ floor (peer):\n");
  log(
    table(
      ["processes", "jobs", "stages", "seconds", "articles/s through all stages"],
      floors.map((f) => [
        String(f.processes),
        fmt(f.jobs),
        "4",
        fmt(f.seconds, 1),
        fmt(f.articlesPerSecond, 0),
      ]),
    ),
  );
  for (const { name, dir } of profiled) {
    try {
      const { profiles, files } = readProfiles([dir]);
      log(
        `\nCPU profile, ${name}: ${files.length} files (worker process and normalizer threads) in ${dir}\n`,
      );
      log(profileReport(summarize(profiles)));
    } catch (error) {
      log(`\nCPU profile, ${name}: none read (${error instanceof Error ? error.message : error})`);
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `bench:pipeline failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
    );
    process.exit(1);
  },
);
