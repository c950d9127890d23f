/**
 * `pnpm bench`: every benchmark, one after another on an otherwise quiet machine, into one report —
 * `bench/results/<date>.md` (each benchmark's own tables, side by side with its peers as it prints them) and
 * `bench/results/<date>.json` (the same output per benchmark with its command, exit code and duration), both
 * headed by the machine they ran on. `BENCH_ONLY=extract,search` runs a subset; a failing benchmark is reported
 * with its exit code and the rest still run.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

interface Benchmark {
  name: string;
  /** What it measures and against which peers. */
  what: string;
  script: string;
  node?: string[];
}

const benchmarks: Benchmark[] = [
  {
    name: "extract",
    what: "extraction pages/s and F1: Parallax vs Readability (jsdom, linkedom), defuddle, article-extractor",
    script: "src/extract.ts",
    node: ["--expose-gc"],
  },
  {
    name: "dedupe",
    what: "near-duplicate threshold study and MinHash/LSH accuracy",
    script: "src/dedupe.ts",
  },
  { name: "entities", what: "entity recognition vs compromise", script: "src/entities.ts" },
  { name: "timeml", what: "date and time expressions vs chrono-node", script: "src/timeml.ts" },
  {
    name: "enrich-throughput",
    what: "whole enrichment stage, articles/s",
    script: "src/enrich-throughput.ts",
  },
  { name: "cluster", what: "story clustering quality and speed", script: "src/cluster.ts" },
  { name: "compare", what: "comparisons", script: "src/compare.ts" },
  { name: "brief", what: "briefings", script: "src/brief.ts" },
  {
    name: "search",
    what: "full-text search at 100k paragraphs vs ILIKE and unindexed to_tsvector",
    script: "src/search.ts",
  },
  {
    name: "pipeline",
    what: "PIPELINE_ARTICLES (10,000 by default) through the real queues, Postgres and 1/2/4 worker processes vs BullMQ's own floor",
    script: "src/pipeline.ts",
  },
  {
    name: "explain",
    what: "EXPLAIN ANALYZE of the hot queries behind each page at 100k articles",
    script: "src/explain.ts",
  },
  {
    name: "web",
    what: "pages under 50 connections vs a static file from the same server",
    script: "src/web.ts",
  },
];

const benchDir = path.resolve(import.meta.dirname, "..");

function version(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .trim()
      .split("\n")[0]!;
  } catch {
    return "not found";
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: version("psql", ["--version"]),
    redis: version("redis-server", ["--version"]),
    load: os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" "),
  };
}

function runOne(bench: Benchmark): Promise<{ exitCode: number | null; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...(bench.node ?? []), "--import", "tsx", bench.script], {
      cwd: benchDir,
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("close", (exitCode) => resolve({ exitCode, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const only = process.env.BENCH_ONLY?.split(",")
  .map((name) => name.trim())
  .filter(Boolean);
const unknown = only?.filter((name) => !benchmarks.some((bench) => bench.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(
    `BENCH_ONLY: no benchmark named ${unknown.join(", ")} (known: ${benchmarks.map((b) => b.name).join(", ")})`,
  );
  process.exit(2);
}
const selected = only ? benchmarks.filter((bench) => only.includes(bench.name)) : benchmarks;
const host = machine();
const date = new Date().toISOString().slice(0, 10);
const results = [];
for (const bench of selected) {
  console.log(`\n=== ${bench.name}: ${bench.what}\n`);
  results.push({ ...bench, ...(await runOne(bench)) });
}

const outDir = path.join(benchDir, "results");
mkdirSync(outDir, { recursive: true });
// The settings that change what a benchmark measures are part of the command that reproduces the report.
const settings = Object.entries(process.env)
  .filter(([name]) => /^(BENCH_|PIPELINE_|WEB_BENCH_)/.test(name))
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([name, value]) => `${name}=${value}`);
const command = [...settings, "pnpm bench"].join(" ");
writeFileSync(
  path.join(outDir, `${date}.json`),
  `${JSON.stringify({ date, command, machine: host, results }, null, 2)}\n`,
);
const lines = [
  `# Benchmarks, ${date}`,
  "",
  `Reproduce: \`${command}\` from the repository root.`,
  "",
  `Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB; ${host.os}; Node ${host.node}; ${host.postgres}; ${host.redis}; load average at start ${host.load}.`,
  "",
  "| benchmark | measures | exit | seconds |",
  "| --- | --- | --- | --- |",
  ...results.map((r) => `| ${r.name} | ${r.what} | ${r.exitCode} | ${r.seconds.toFixed(0)} |`),
  "",
  ...results.flatMap((r) => [`## ${r.name}`, "", `\`${r.script}\`: ${r.what}.`, "", r.output.trim(), ""]),
];
writeFileSync(path.join(outDir, `${date}.md`), `${lines.join("\n")}\n`);
console.log(`\nwrote bench/results/${date}.md and .json`);
process.exit(results.every((r) => r.exitCode === 0) ? 0 : 1);
