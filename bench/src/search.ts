import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { hasCjk, type SearchFilters, segmentForSearch } from "@parallax/core";
import { decodeHtmlBytes, normalize } from "@parallax/core/normalize";
// bench is not a dependent of @parallax/db (adding one would change the lockfile); its source is imported by
// path, its own dependencies (drizzle-orm, pg) resolve from packages/db, and bench talks SQL through the pool.
import { closeDatabase, createDatabase, type Database } from "../../packages/db/src/client";
import { runMigrations } from "../../packages/db/src/migrate";
import { searchArticles } from "../../packages/db/src/queries/search";
import { dataRoot, newsWcl50 } from "./data";

/**
 * `pnpm bench:search`: search latency on 100k paragraphs. Fills `parallax_bench_search` (once; reused while it
 * holds the same corpus) with paragraphs recombined from real sentences of ../shared/data (English, German,
 * French, Japanese, Korean, …), then runs realistic queries through `searchArticles` (GIN indexes, ranking,
 * facets, snippets) and, on the same queries, the obvious peers: ILIKE over paragraphs and to_tsvector at query
 * time without the index. Server time: wall time of the database work, measured in this process.
 */
const TARGET_PARAGRAPHS = 100_000;
const PARAGRAPHS_PER_ARTICLE = 20;
const CORPUS_VERSION = "search-bench-3";
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const PEER_RUNS = Number(process.env.BENCH_PEER_RUNS ?? 5);

// Deterministic: the same corpus every time (mulberry32).
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(7);
const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)]!;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？])\s*/u)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s.length >= 12 && s.length <= 600);
}

/** Real sentences by language, from every text set in ../shared/data. */
function sentencePools(): Map<string, string[]> {
  const pools = new Map<string, string[]>();
  const add = (language: string, text: string) => {
    const pool = pools.get(language) ?? [];
    pool.push(...sentencesOf(text));
    pools.set(language, pool);
  };
  for (const article of newsWcl50()) add("en", article.text);
  for (const set of ["extraction", "dates"]) {
    const dir = path.join(dataRoot, set, "pages");
    for (const file of readdirSync(dir)) {
      try {
        const article = normalize({
          kind: "html",
          html: decodeHtmlBytes(readFileSync(path.join(dir, file)), null),
        });
        const language = (article.language ?? "en").split("-")[0]!.toLowerCase();
        add(language, article.paragraphs.map((p) => p.text).join("\n"));
      } catch {
        // A page the normalizer refuses gives no sentences; the other ~540 are plenty.
      }
    }
  }
  const timeml = path.join(dataRoot, "timeml-train");
  for (const file of readdirSync(timeml, { recursive: true }) as string[]) {
    if (!file.endsWith(".tml")) continue;
    add("en", readFileSync(path.join(timeml, file), "utf8").replace(/<[^>]+>/g, " "));
  }
  for (const language of [...pools.keys()])
    if ((pools.get(language)?.length ?? 0) < 10) pools.delete(language);
  return pools;
}

function headlines(): string[] {
  const csv = readFileSync(path.join(dataRoot, "uci-headlines/headlines.csv"), "utf8").split("\n").slice(1);
  return csv.map((line) => line.split(",")[1]?.replace(/^"|"$/g, "") ?? "").filter((t) => t.length > 10);
}

const OUTLETS: Array<[string, string, string]> = [
  ["Reuters", "reuters.com", "GB"],
  ["The New York Times", "nytimes.com", "US"],
  ["Fox News", "foxnews.com", "US"],
  ["The Guardian", "theguardian.com", "GB"],
  ["Der Spiegel", "spiegel.de", "DE"],
  ["Die Zeit", "zeit.de", "DE"],
  ["NZZ", "nzz.ch", "CH"],
  ["Der Standard", "derstandard.at", "AT"],
  ["Le Monde", "lemonde.fr", "FR"],
  ["Yomiuri Shimbun", "yomiuri.co.jp", "JP"],
  ["NHK", "nhk.or.jp", "JP"],
  ["Naver News", "naver.com", "KR"],
  ["South China Morning Post", "scmp.com", "HK"],
  ["Associated Press", "apnews.com", "US"],
  ["Breitbart", "breitbart.com", "US"],
  ["Al Jazeera", "aljazeera.com", "QA"],
];

async function query<T>(db: Database, text: string, params: unknown[] = []): Promise<T[]> {
  return (await db.$client.query(text, params)).rows as T[];
}

async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`BENCH_SEARCH_DB: not a plain database name: ${name}`);
  const admin = createDatabase(serverUrl, { max: 1 });
  const exists = await query(admin, "select 1 from pg_database where datname = $1", [name]);
  if (exists.length === 0) await query(admin, `create database "${name}"`);
  await closeDatabase(admin);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function fill(db: Database): Promise<void> {
  const [{ n } = { n: 0 }] = await query<{ n: number }>(
    db,
    "select count(*)::int as n from articles where url like $1",
    [`bench://${CORPUS_VERSION}/%`],
  );
  if (n * PARAGRAPHS_PER_ARTICLE >= TARGET_PARAGRAPHS) {
    console.log(
      `reusing ${n} articles / ${n * PARAGRAPHS_PER_ARTICLE} paragraphs already in the bench database`,
    );
    return;
  }
  await query(db, "truncate articles, sources cascade");
  const started = performance.now();
  const pools = sentencePools();
  const titles = headlines();
  const languages = [...pools.keys()];
  console.log(
    `sentence pools: ${[...pools].map(([l, s]) => `${l} ${s.length}`).join(", ")}; ${titles.length} headlines`,
  );
  const sourceIds = new Map<string, string>();
  for (const [name, domain, country] of OUTLETS) {
    const [row] = await query<{ id: string }>(
      db,
      "insert into sources (name, domain, country) values ($1, $2, $3) returning id::text",
      [name, domain, country],
    );
    sourceIds.set(domain, row!.id);
  }
  const outletsFor = (language: string) => {
    const byCountry: Record<string, string[]> = {
      ja: ["JP"],
      ko: ["KR"],
      de: ["DE", "CH", "AT"],
      fr: ["FR"],
    };
    const countries = byCountry[language] ?? ["US", "GB", "HK", "QA"];
    return OUTLETS.filter(([, , c]) => countries.includes(c)).map(([, d]) => sourceIds.get(d)!);
  };
  const articleCount = TARGET_PARAGRAPHS / PARAGRAPHS_PER_ARTICLE;
  const batch = 250;
  for (let start = 0; start < articleCount; start += batch) {
    const ids: string[] = [];
    const aTitles: Array<string | null> = [];
    const aSearchTitles: Array<string | null> = [];
    const aLanguages: string[] = [];
    const aSources: string[] = [];
    const aPublished: string[] = [];
    const aUrls: string[] = [];
    const pArticle: number[] = [];
    const pN: number[] = [];
    const pText: string[] = [];
    const pSearch: Array<string | null> = [];
    for (let i = start; i < Math.min(articleCount, start + batch); i++) {
      // English most, then German (the data's second language), then the rest, Japanese among them.
      const r = rand();
      const language = r < 0.55 ? "en" : r < 0.75 && pools.has("de") ? "de" : pick(languages);
      const pool = pools.get(language)!;
      const title = language === "en" ? pick(titles) : pick(pool).slice(0, 120);
      aTitles.push(title);
      aSearchTitles.push(segmentForSearch(title));
      aLanguages.push(language);
      aSources.push(pick(outletsFor(language)));
      aPublished.push(new Date(Date.UTC(2025, 0, 1) + rand() * 330 * 86_400_000).toISOString());
      aUrls.push(`bench://${CORPUS_VERSION}/${i}`);
      ids.push(String(i));
      for (let p = 1; p <= PARAGRAPHS_PER_ARTICLE; p++) {
        const sentences = 1 + Math.floor(rand() * 3);
        const text = Array.from({ length: sentences }, () => pick(pool)).join(hasCjk(pool[0]!) ? "" : " ");
        pArticle.push(i - start);
        pN.push(p);
        pText.push(text);
        pSearch.push(segmentForSearch(text));
      }
    }
    const client = await db.$client.connect();
    try {
      await client.query("begin");
      const { rows } = await client.query(
        `insert into articles (url, title, search_title, language, source_id, published_at, status)
         select u, t, st, l, s, p, 'ready' from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[],
                                                      $6::timestamptz[]) as x(u, t, st, l, s, p)
         returning id::text, url`,
        [aUrls, aTitles, aSearchTitles, aLanguages, aSources, aPublished],
      );
      const idOf = new Map((rows as Array<{ id: string; url: string }>).map((r) => [r.url, r.id]));
      const articleIds = pArticle.map((k) => idOf.get(aUrls[k]!)!);
      await client.query(
        `insert into paragraphs (article_id, n, kind, text, search_text)
         select a, n, 'paragraph', t, s from unnest($1::uuid[], $2::int[], $3::text[], $4::text[]) as x(a, n, t, s)`,
        [articleIds, pN, pText, pSearch],
      );
      await client.query("commit");
    } catch (error) {
      await client.query("rollback");
      throw error;
    } finally {
      client.release();
    }
    if ((start / batch) % 4 === 3)
      process.stdout.write(`\r  ${(start + batch) * PARAGRAPHS_PER_ARTICLE} paragraphs stored`);
  }
  await query(db, "vacuum analyze paragraphs");
  await query(db, "vacuum analyze articles");
  console.log(
    `\nfilled ${TARGET_PARAGRAPHS} paragraphs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

interface Case {
  type: string;
  q: string;
  filters?: SearchFilters;
  /** The same search for the peers: every group must match (AND), a group matches if any of its words does. */
  ilike: { all: string[][]; none: string[] };
}

const CASES: Case[] = [
  { type: "single word", q: "Trump", ilike: { all: [["trump"]], none: [] } },
  { type: "single word", q: "Regierung", ilike: { all: [["regierung"]], none: [] } },
  { type: "single word", q: "immigration", ilike: { all: [["immigration"]], none: [] } },
  { type: "two words", q: "trade tariffs", ilike: { all: [["trade"], ["tariff"]], none: [] } },
  { type: "two words", q: "nuclear Korea", ilike: { all: [["nuclear"], ["korea"]], none: [] } },
  { type: "phrase", q: '"White House"', ilike: { all: [["white house"]], none: [] } },
  { type: "phrase", q: '"prime minister"', ilike: { all: [["prime minister"]], none: [] } },
  { type: "OR", q: "immigration OR border", ilike: { all: [["immigration", "border"]], none: [] } },
  { type: "OR", q: "Merkel OR Macron", ilike: { all: [["merkel", "macron"]], none: [] } },
  { type: "exclusion", q: "Trump -Russia", ilike: { all: [["trump"]], none: ["russia"] } },
  { type: "exclusion", q: "election -Trump", ilike: { all: [["election"]], none: ["trump"] } },
  { type: "Japanese", q: "ガザ", ilike: { all: [["ガザ"]], none: [] } },
  { type: "Japanese", q: "邦人 退避", ilike: { all: [["邦人"], ["退避"]], none: [] } },
  { type: "Korean", q: "해외입양", ilike: { all: [["해외입양"]], none: [] } },
  { type: "facets", q: "president", filters: { country: "US" }, ilike: { all: [["president"]], none: [] } },
  {
    type: "facets",
    q: "Regierung",
    filters: { language: "de", from: "2025-03-01", to: "2025-06-30" },
    ilike: { all: [["regierung"]], none: [] },
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const like = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** ILIKE peer: the same match, count and first page of articles, newest first (no ranking possible). */
function ilikeQuery(db: Database, c: Case) {
  const params: string[] = [];
  const param = (word: string) => {
    params.push(like(word));
    return `$${params.length}`;
  };
  const groups = c.ilike.all.map((g) => `(${g.map((w) => `p.text ilike ${param(w)}`).join(" or ")})`);
  const none = c.ilike.none.map(
    (w) =>
      `not exists (select 1 from paragraphs q where q.article_id = p.article_id and q.text ilike ${param(w)})`,
  );
  return query(
    db,
    `with m as (select distinct p.article_id from paragraphs p where ${[...groups, ...none].join(" and ")})
     select (select count(*) from m) as total,
            (select json_agg(x) from (select a.id from m join articles a on a.id = m.article_id
                                      order by a.published_at desc limit 20) x) as page`,
    params,
  );
}

/** Unindexed peer: the same tsquery, with each paragraph's vector computed at query time. */
function unindexedQuery(db: Database, c: Case) {
  return query(
    db,
    `with m as (
       select p.article_id, max(ts_rank(to_tsvector('simple', coalesce(p.search_text, p.text)), q)) as rank
       from paragraphs p, websearch_to_tsquery('simple', $1) q
       where to_tsvector('simple', coalesce(p.search_text, p.text)) @@ q group by p.article_id)
     select (select count(*) from m) as total,
            (select json_agg(x) from (select article_id from m order by rank desc limit 20) x) as page`,
    [segmentForSearch(c.q) ?? c.q],
  );
}

async function main() {
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const url = await ensureDatabase(serverUrl, process.env.BENCH_SEARCH_DB ?? "parallax_bench_search");
  await runMigrations(url);
  const db = createDatabase(url, { max: 4 });
  try {
    await fill(db);
    const types = [...new Set(CASES.map((c) => c.type))];
    const samples = new Map<
      string,
      { fts: number[]; ilike: number[]; unindexed: number[]; hits: number[] }
    >();
    for (const type of types) samples.set(type, { fts: [], ilike: [], unindexed: [], hits: [] });
    // Warm the caches the way a running server has them.
    for (const c of CASES) await searchArticles(db, { q: c.q, ...c.filters });
    for (let run = 0; run < RUNS; run++) {
      for (const c of CASES) {
        const result = await searchArticles(db, { q: c.q, ...c.filters, page: 1 + (run % 2) });
        const s = samples.get(c.type)!;
        s.fts.push(result.tookMs);
        if (run === 0) s.hits.push(result.total);
      }
    }
    for (let run = 0; run < PEER_RUNS; run++) {
      for (const c of CASES) {
        const s = samples.get(c.type)!;
        if (c.filters) continue; // the peers have no facets; their figures are the unfiltered ones
        s.ilike.push(await timed(() => ilikeQuery(db, c)));
        s.unindexed.push(await timed(() => unindexedQuery(db, c)));
      }
    }
    const [{ paragraphs } = { paragraphs: 0 }] = await query<{ paragraphs: number }>(
      db,
      "select count(*)::int as paragraphs from paragraphs",
    );
    console.log(
      `\nsearch on ${paragraphs.toLocaleString("en-GB")} paragraphs; server ms; FTS ${RUNS} runs per query, peers ${PEER_RUNS}`,
    );
    const rows = types.map((type) => {
      const s = samples.get(type)!;
      const f = [...s.fts].sort((a, b) => a - b);
      const i = [...s.ilike].sort((a, b) => a - b);
      const u = [...s.unindexed].sort((a, b) => a - b);
      const fmt = (v: number) => (Number.isNaN(v) ? "–" : v.toFixed(1));
      return {
        "query type": type,
        "matching articles": s.hits.join(" / "),
        "FTS p50": fmt(percentile(f, 50)),
        "FTS p95": fmt(percentile(f, 95)),
        "FTS p99": fmt(percentile(f, 99)),
        "ILIKE p50": fmt(percentile(i, 50)),
        "ILIKE p95": fmt(percentile(i, 95)),
        "no-index p50": fmt(percentile(u, 50)),
        "no-index p95": fmt(percentile(u, 95)),
      };
    });
    console.table(rows);
    const all = [...samples.values()].flatMap((s) => s.fts).sort((a, b) => a - b);
    console.log(
      `all FTS queries: p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms (target p95 < 50 ms)`,
    );
  } finally {
    await closeDatabase(db);
  }
}

await main();
