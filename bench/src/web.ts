/**
 * `pnpm bench:web`: the running app under load. Fills a database of its own with 10,000+ articles through the
 * real pipeline (once; later runs reuse it), starts the production build of apps/web on it, and drives the home,
 * story and search pages with autocannon at 50 concurrent connections; a static file from the same server is
 * the floor any page is measured against. DATABASE_URL names the PostgreSQL server (default: the local one),
 * REDIS_URL the Redis; WEB_BENCH_ARTICLES and WEB_BENCH_SECONDS change the corpus size and the run length.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { closeDatabase, createDatabase as openDatabase } from "@parallax/db";
import { runMigrations } from "@parallax/db/migrate";
import { createDatabase, findFreePort } from "@parallax/services";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import pg from "pg";
import { ensureCorpus } from "./web-corpus";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const webDir = path.join(repoRoot, "apps/web");
const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ARTICLES = Number(process.env.WEB_BENCH_ARTICLES ?? 10_500);
const SECONDS = Number(process.env.WEB_BENCH_SECONDS ?? 15);
const CONNECTIONS = 50;
const DATABASE = "parallax_bench_web";
const PREFIX = "pbench-web";

const log = (line: string) => process.stdout.write(`${line}\n`);

async function benchDatabaseUrl(): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [DATABASE]);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  if (exists.rowCount === 0) await createDatabase(serverUrl, DATABASE);
  await runMigrations(url.toString());
  return url.toString();
}

async function startWeb(databaseUrl: string): Promise<{ baseUrl: string; child: ChildProcess }> {
  if (!existsSync(path.join(webDir, ".next/BUILD_ID"))) {
    log("building apps/web (production)…");
    execFileSync("pnpm", ["--filter", "@parallax/web", "build"], { cwd: repoRoot, stdio: "inherit" });
  }
  const port = await findFreePort();
  const child = spawn(
    path.join(webDir, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: webDir,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: PREFIX,
        NODE_ENV: "production",
        // The load comes from one client; the per-client limits would answer most of it with "too many searches".
        RATE_LIMIT_SUBMIT_PER_MIN: "0",
        RATE_LIMIT_SEARCH_PER_MIN: "0",
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the web app did not answer within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { baseUrl, child };
}

interface Row {
  page: string;
  paths: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function load(baseUrl: string, page: string, paths: string[]): Promise<Row> {
  // Warm each path once (compiled route, first query plans), then measure.
  for (const p of paths.slice(0, 20)) await fetch(`${baseUrl}${p}`).then((r) => r.arrayBuffer());
  let i = 0;
  const times: number[] = [];
  const run = autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length]! }) }],
  });
  // Exact percentiles from every response time (autocannon's own table has p97.5, not p95).
  (run as unknown as NodeJS.EventEmitter).on(
    "response",
    (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms),
  );
  const result = await run;
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 10) / 10;
  return {
    page,
    paths: paths.length,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function main() {
  const databaseUrl = await benchDatabaseUrl();
  const db = openDatabase(databaseUrl);
  let web: { baseUrl: string; child: ChildProcess } | null = null;
  try {
    await ensureCorpus(db, redisUrl, PREFIX, ARTICLES, log);
    const count = async (query: ReturnType<typeof sql>) =>
      Number(((await db.execute(query)).rows[0] as { n: number }).n);
    const articles = await count(sql`select count(*)::int as n from articles`);
    const stories = await count(sql`select count(*)::int as n from stories where merged_into is null`);
    const briefed = await count(sql`select count(distinct subject_id)::int as n from briefings`);
    const paragraphs = await count(sql`select count(*)::int as n from paragraphs`);
    const storyIds = (
      (
        await db.execute(sql`
          select b.subject_id::text as id from briefings b
          group by b.subject_id order by max(b.built_at) desc limit 200`)
      ).rows as Array<{ id: string }>
    ).map((r) => `/stories/${r.id}`);
    const words = (
      (
        await db.execute(sql`
          select e.name from entities e join article_entities ae on ae.slug = e.slug
          group by e.slug, e.name order by count(*) desc limit 40`)
      ).rows as Array<{ name: string }>
    ).map((r) => r.name);
    const searches = [
      ...words.map((w) => `/search?q=${encodeURIComponent(w)}`),
      `/search?q=${encodeURIComponent('"North Korea" summit')}`,
      `/search?q=${encodeURIComponent("tariffs -China")}`,
      `/search?q=${encodeURIComponent("election OR vote")}`,
    ];
    web = await startWeb(databaseUrl);
    const staticAsset = await fetch(`${web.baseUrl}/`)
      .then((r) => r.text())
      .then((html) => /\/_next\/static\/[^"']+\.css/.exec(html)?.[0] ?? "/favicon.ico");
    const rows: Row[] = [];
    rows.push(await load(web.baseUrl, "static file (floor)", [staticAsset]));
    rows.push(await load(web.baseUrl, "home /", ["/"]));
    rows.push(await load(web.baseUrl, "story /stories/[id]", storyIds));
    rows.push(await load(web.baseUrl, "search /search?q=", searches));

    log(
      `\nbench:web — ${articles.toLocaleString("en")} articles, ${paragraphs.toLocaleString("en")} paragraphs, ` +
        `${stories.toLocaleString("en")} stories (${briefed.toLocaleString("en")} briefed); ` +
        `${CONNECTIONS} connections, ${SECONDS} s per page, next start (production), one process\n`,
    );
    const header = "| page | paths | requests | req/s | p50 ms | p95 ms | p99 ms | errors |";
    log(header);
    log("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of rows)
      log(
        `| ${r.page} | ${r.paths} | ${r.requests} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`,
      );
  } finally {
    web?.child.kill("SIGTERM");
    await closeDatabase(db);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
