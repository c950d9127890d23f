/**
 * `pnpm bench:web`: the running app under load. Fills a database of its own with 10,500 articles through the
 * real pipeline (once; later runs reuse it) and, for WEB_BENCH_ARTICLES above that, grows a copy of it in SQL
 * (scale-corpus.ts: the pipeline-built articles replicated, not new text), starts the production build of
 * apps/web on it, and drives the home, story, article, compare and search pages with autocannon at 50
 * concurrent connections; a static file from the same server is the floor any page is measured against.
 * WEB_BENCH_POOL_SIZES (e.g. "5,10,20") also measures the home page with the web's database pool at those sizes.
 * DATABASE_URL names the PostgreSQL server (default: the local one), REDIS_URL the Redis; WEB_BENCH_SECONDS
 * changes the run length per page.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { closeDatabase, createDatabase as openDatabase } from "@parallax/db";
import { findFreePort } from "@parallax/services";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { benchDatabase, scaleTable } from "./web-database";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const webDir = path.join(repoRoot, "apps/web");
const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ARTICLES = Number(process.env.WEB_BENCH_ARTICLES ?? 10_500);
const SECONDS = Number(process.env.WEB_BENCH_SECONDS ?? 15);
const CONNECTIONS = 50;
const BROWSER = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
const PREFIX = "pbench-web";
const POOL_SIZES = (process.env.WEB_BENCH_POOL_SIZES ?? "")
  .split(",")
  .filter((v) => v.trim())
  .map(Number);
if (POOL_SIZES.some((n) => !Number.isInteger(n) || n < 1 || n > 200))
  throw new Error(
    `WEB_BENCH_POOL_SIZES must be whole numbers from 1 to 200, not ${process.env.WEB_BENCH_POOL_SIZES}`,
  );

const log = (line: string) => process.stdout.write(`${line}\n`);

/** `poolSize`: the web's database pool (see preload/pg-pool-size.cjs); undefined keeps the app's own. */
async function startWeb(
  databaseUrl: string,
  poolSize?: number,
): Promise<{ baseUrl: string; child: ChildProcess }> {
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
        ...(poolSize
          ? {
              PARALLAX_BENCH_PG_POOL_MAX: String(poolSize),
              NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(import.meta.dirname, "../preload/pg-pool-size.cjs")}`,
            }
          : {}),
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
  /** Responses whose body held `marker` (a page saying it answered from its cache), when one was given. */
  marked: number | null;
}

async function load(
  baseUrl: string,
  page: string,
  paths: string[],
  options: { warm?: number; marker?: string; headers?: Record<string, string> } = {},
): Promise<Row> {
  // Warm the first paths once (compiled route, first query plans), then measure.
  for (const p of paths.slice(0, options.warm ?? 20))
    await fetch(`${baseUrl}${p}`, { headers: options.headers ?? {} }).then((r) => r.arrayBuffer());
  let i = 0;
  let marked = 0;
  const times: number[] = [];
  const { marker } = options;
  const run = autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(options.headers ? { headers: options.headers } : {}),
    requests: [
      {
        setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length]! }),
        ...(marker
          ? {
              onResponse: (_status: number, body: string) => {
                if (body.includes(marker)) marked++;
              },
            }
          : {}),
      },
    ],
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
    marked: marker ? marked : null,
  };
}

/** Characters React escapes in text, as a page shows them. */
const html = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");

/** A replicated story, article and entity answer with their page: 200 and their own title in the body. */
async function checkReplicated(db: ReturnType<typeof openDatabase>, baseUrl: string): Promise<string[]> {
  const one = async <T>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows[0] as T | undefined;
  const story = await one<{ id: string; title: string }>(sql`
    select x.story_id::text as id, a.title from article_stories x join articles a on a.id = x.article_id
    join stories s on s.id = x.story_id and s.merged_into is null
    where bench_is_copy(x.story_id) and a.title is not null order by x.story_id, a.id limit 1`);
  const article = await one<{ id: string; title: string }>(sql`
    select id::text, title from articles where bench_is_copy(id) and status = 'ready' and title is not null
    order by id desc limit 1`);
  const entity = await one<{ slug: string; name: string }>(sql`
    select e.slug, e.name from article_entities ae join entities e on e.slug = ae.slug
    where bench_is_copy(ae.article_id) order by ae.article_id desc, e.slug limit 1`);
  const checks = [
    story && { path: `/stories/${story.id}`, title: story.title },
    article && { path: `/articles/${article.id}`, title: article.title },
    entity && { path: `/entities/${encodeURIComponent(entity.slug)}`, title: entity.name },
  ];
  const lines: string[] = [];
  for (const check of checks) {
    if (!check) {
      lines.push("a replicated story, article or entity is missing");
      continue;
    }
    const response = await fetch(`${baseUrl}${check.path}`);
    const body = await response.text();
    const found = body.includes(html(check.title));
    lines.push(
      `${check.path}: HTTP ${response.status}, ${found ? "shows" : "does NOT show"} "${check.title}"`,
    );
  }
  return lines;
}

async function main() {
  const bench = await benchDatabase({ serverUrl, redisUrl, prefix: PREFIX, articles: ARTICLES, log });
  const db = openDatabase(bench.url);
  let web: { baseUrl: string; child: ChildProcess } | null = null;
  try {
    const count = async (query: ReturnType<typeof sql>) =>
      Number(((await db.execute(query)).rows[0] as { n: number }).n);
    const articles = await count(sql`select count(*)::int as n from articles`);
    const stories = await count(sql`select count(*)::int as n from stories where merged_into is null`);
    const briefed = await count(sql`select count(distinct subject_id)::int as n from briefings`);
    const paragraphs = await count(sql`select count(*)::int as n from paragraphs`);
    const ids = async (query: ReturnType<typeof sql>) =>
      ((await db.execute(query)).rows as Array<{ id: string }>).map((r) => r.id);
    const storyIds = (
      await ids(sql`
        select b.subject_id::text as id from briefings b
        group by b.subject_id order by max(b.built_at) desc limit 200`)
    ).map((id) => `/stories/${id}`);
    // A fixed sample of the whole corpus (the same on every run over the same data), not only the newest.
    const articleIds = (
      await ids(sql`
        select id::text from articles where status = 'ready' order by md5(id::text || ':bench-web'), id limit 500`)
    ).map((id) => `/articles/${id}`);
    // Stories a comparison can be made of: two or more ready articles from two or more outlets.
    const compareIds = (
      await ids(sql`
        select x.story_id::text as id from article_stories x
        join stories s on s.id = x.story_id and s.merged_into is null
        join articles a on a.id = x.article_id and a.status = 'ready'
        group by x.story_id having count(distinct a.source_id) >= 2
        order by md5(x.story_id::text || ':bench-web'), x.story_id limit 200`)
    ).map((id) => `/stories/${id}/compare`);
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
    web = await startWeb(bench.url);
    const replicated = bench.scale ? await checkReplicated(db, web.baseUrl) : [];
    const staticAsset = await fetch(`${web.baseUrl}/`)
      .then((r) => r.text())
      .then((html) => /\/_next\/static\/[^"']+\.css/.exec(html)?.[0] ?? "/favicon.ico");
    const rows: Row[] = [];
    rows.push(await load(web.baseUrl, "static file (floor)", [staticAsset]));
    rows.push(await load(web.baseUrl, "home /", ["/"]));
    rows.push(await load(web.baseUrl, "story /stories/[id]", storyIds));
    // As a browser loads a page (Accept: text/html): an anonymous reader's home and story pages then come from
    // the rendered-page cache (apps/web/src/server/page-html.ts), kept per data version; autocannon's own
    // requests above accept anything and are rendered every time, as an API client's would be.
    rows.push(await load(web.baseUrl, "home / (as a browser asks)", ["/"], { headers: BROWSER }));
    rows.push(
      await load(web.baseUrl, "story /stories/[id] (as a browser asks)", storyIds, { headers: BROWSER }),
    );
    rows.push(await load(web.baseUrl, "article /articles/[id]", articleIds));
    rows.push(await load(web.baseUrl, "search /search?q=", searches));
    // Comparisons are computed in the request the first time and stored; every run starts with none stored, so
    // the figure is the same on every run: some requests compute, the rest are answered from the store.
    const cleared = await count(
      sql`with d as (delete from comparisons returning 1) select count(*)::int as n from d`,
    );
    rows.push(
      await load(web.baseUrl, "compare /stories/[id]/compare", compareIds, {
        warm: 0,
        marker: "kept from an earlier request",
      }),
    );
    const computed = await count(sql`select count(*)::int as n from comparisons`);
    web.child.kill("SIGTERM");
    web = null;

    const pools: Array<{ size: number; row: Row; connections: number }> = [];
    for (const size of POOL_SIZES) {
      web = await startWeb(bench.url, size);
      const peak = { n: 0 };
      const watch = setInterval(() => {
        count(sql`select count(*)::int as n from pg_stat_activity where datname = current_database()`)
          .then((n) => {
            peak.n = Math.max(peak.n, n);
          })
          .catch(() => {});
      }, 500);
      const row = await load(web.baseUrl, `home / (pool ${size})`, ["/"]);
      clearInterval(watch);
      web.child.kill("SIGTERM");
      web = null;
      // This benchmark's own pool holds a few of the connections counted.
      pools.push({ size, row, connections: peak.n });
    }

    log(
      `\nbench:web — ${articles.toLocaleString("en")} articles, ${paragraphs.toLocaleString("en")} paragraphs, ` +
        `${stories.toLocaleString("en")} stories (${briefed.toLocaleString("en")} briefed) in ${bench.name}; ` +
        `${CONNECTIONS} connections, ${SECONDS} s per page, next start (production), one process\n`,
    );
    if (bench.scale) {
      for (const line of scaleTable(bench.scale)) log(line);
      log("\nreplicated pages:");
      for (const line of replicated) log(`- ${line}`);
      log("");
    }
    const header = "| page | paths | requests | req/s | p50 ms | p95 ms | p99 ms | errors |";
    const table = (list: Row[]) => {
      log(header);
      log("|---|---:|---:|---:|---:|---:|---:|---:|");
      for (const r of list)
        log(
          `| ${r.page} | ${r.paths} | ${r.requests} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`,
        );
    };
    table(rows);
    const compare = rows.at(-1)!;
    log(
      `\ncompare: ${cleared} stored comparisons removed before the run; ${computed} computed and stored during it; ` +
        `${compare.marked} of ${compare.requests} responses said they were answered from the store.`,
    );
    if (pools.length) {
      log("\nhome / by the web's database pool size (the app's default is 10), each a fresh `next start`:\n");
      table(pools.map((p) => p.row));
      log(
        `\npeak connections to the database while loading: ${pools.map((p) => `pool ${p.size}: ${p.connections}`).join(", ")} ` +
          "(this benchmark's own pool included)",
      );
    }
  } finally {
    web?.child.kill("SIGTERM");
    await closeDatabase(db);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
