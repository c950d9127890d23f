/**
 * `pnpm bench:explain`: the query plans behind the pages and the worker's per-article lookups, on the web
 * benchmark's corpus grown to WEB_BENCH_ARTICLES (default 100,000; the pipeline-built 10,500 replicated in SQL,
 * see scale-corpus.ts). The statements are the ones our code sends: the tRPC procedures each page calls (and the
 * query functions the worker calls) run on a pool whose clients record every statement with its parameters; each
 * distinct statement then runs again under `EXPLAIN (ANALYZE, BUFFERS)`, and once more with index scans turned
 * off (the peer: what the indexes buy). Both in transactions that are rolled back, so nothing is written.
 * WEB_BENCH_DATABASE_URL names another database to read instead.
 * A sequential scan of a table of more than SEQ_SCAN_ROWS rows is flagged, and its full plan printed.
 */
import { createCaller } from "@parallax/api";
import type { NormalizedArticle } from "@parallax/core";
import { DEFAULT_CLUSTER_OPTIONS } from "@parallax/core/cluster";
import {
  closeDatabase,
  type Database,
  findDuplicate,
  loadBriefingArticles,
  loadClusterDocs,
  createDatabase as openDatabase,
  PgStoryIndex,
  storyCardsVersion,
  storyPageVersion,
} from "@parallax/db";
import { createBriefQueue, createIngestQueue, createRedis } from "@parallax/queue";
import { sql } from "drizzle-orm";
import pg from "pg";
import { benchDatabase, scaleTable } from "./web-database";

const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ARTICLES = Number(process.env.WEB_BENCH_ARTICLES ?? 100_000);
const PREFIX = "pbench-web";
const SEQ_SCAN_ROWS = 10_000;

const log = (line: string) => process.stdout.write(`${line}\n`);

interface Statement {
  text: string;
  values: unknown[];
}

/** Statements that differ only in inlined literals (drizzle inlines some arrays) are one statement. */
const shape = (text: string) =>
  text
    .replace(/'(?:[^']|'')*'/g, "?")
    .replace(/\$\d+/g, "?")
    .replace(/\b\d+\b/g, "?")
    .replace(/\(\s*\?(?:\s*,\s*\?)*\s*\)/g, "(?)")
    .replace(/\[\s*\?(?:\s*,\s*\?)*\s*\]/g, "[?]")
    .replace(/\s+/g, " ");

/**
 * Every statement sent while `recording` is set (transaction control left out): through the pool's `query`, and
 * through its clients directly (transactions). A client called by the pool on behalf of `pool.query` is not
 * counted twice.
 */
function recorder(db: Database) {
  const state = { recording: false, statements: [] as Statement[] };
  const note = (args: unknown[]) => {
    const [first, second] = args;
    const text = typeof first === "string" ? first : (first as { text?: string })?.text;
    const values = typeof first === "string" ? second : ((first as { values?: unknown[] })?.values ?? second);
    if (state.recording && text && /^\s*(select|with|insert|update|delete)\b/i.test(text))
      state.statements.push({ text, values: Array.isArray(values) ? values : [] });
  };
  type Query = (...args: unknown[]) => unknown;
  const pool = db.$client as unknown as { query: Query };
  const poolQuery = pool.query.bind(pool);
  pool.query = (...args: unknown[]) => {
    note(args);
    return poolQuery(...args);
  };
  db.$client.on("connect", (client) => {
    const target = client as unknown as { query: Query };
    const query = target.query.bind(client);
    target.query = (...args: unknown[]) => {
      if (!new Error().stack?.includes("pg-pool")) note(args);
      return query(...args);
    };
  });
  return state;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}

interface Explained {
  executionMs: number;
  planningMs: number;
  rows: number;
  top: string;
  scans: string[];
  seqScans: string[];
  text: string;
}

const INDEXES_OFF = ["enable_indexscan", "enable_bitmapscan", "enable_indexonlyscan"];

async function explain(
  client: pg.Client,
  statement: Statement,
  tableRows: Map<string, number>,
  indexesOff: boolean,
): Promise<Explained | string> {
  await client.query("begin");
  try {
    // The peer can take minutes where a missing index hurts most; what it shows by then is enough.
    await client.query(`set local statement_timeout = '${indexesOff ? 30 : 120}s'`);
    if (indexesOff) for (const setting of INDEXES_OFF) await client.query(`set local ${setting} = off`);
    const json = await client.query({
      text: `explain (analyze, buffers, format json) ${statement.text}`,
      values: statement.values,
    });
    // The text plan of the same statement is only needed when something is flagged; it runs again then.
    const plan = (
      json.rows[0]["QUERY PLAN"] as Array<{
        Plan: PlanNode;
        "Execution Time": number;
        "Planning Time": number;
      }>
    )[0]!;
    const scans: string[] = [];
    const seqScans: string[] = [];
    const walk = (node: PlanNode) => {
      if (node["Relation Name"]) {
        const relation = node["Relation Name"];
        const label = `${node["Node Type"]}${node["Index Name"] ? ` ${node["Index Name"]}` : ""} on ${relation}`;
        if (!scans.includes(label)) scans.push(label);
        if (node["Node Type"] === "Seq Scan" && (tableRows.get(relation) ?? 0) > SEQ_SCAN_ROWS)
          seqScans.push(`${relation} (${(tableRows.get(relation) ?? 0).toLocaleString("en")} rows)`);
      }
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(plan.Plan);
    let text = "";
    if (seqScans.length && !indexesOff) {
      await client.query("rollback");
      await client.query("begin");
      const printed = await client.query({
        text: `explain (analyze, buffers, format text) ${statement.text}`,
        values: statement.values,
      });
      text = printed.rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
    }
    return {
      executionMs: plan["Execution Time"],
      planningMs: plan["Planning Time"],
      rows: (plan.Plan["Actual Rows"] ?? 0) * (plan.Plan["Actual Loops"] ?? 1),
      top: plan.Plan["Node Type"],
      scans,
      seqScans,
      text,
    };
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.query("rollback").catch(() => {});
  }
}

/** The statement's start, on one line: enough to find it in packages/db/src/queries. */
function describe(text: string): string {
  const flat = text.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();
  return `\`${flat.length > 90 ? `${flat.slice(0, 90)}…` : flat}\``;
}

interface Sample {
  storyId: string;
  storySize: number;
  articleId: string;
  entity: { slug: string; name: string; articles: number };
}

async function pickSample(db: Database): Promise<Sample> {
  // The largest live story (its pages read the most rows), its earliest article, the most-mentioned entity.
  const [story] = (
    await db.execute(sql`
      select x.story_id::text as id, count(*)::int as size from article_stories x
      join stories s on s.id = x.story_id and s.merged_into is null
      group by 1 order by 2 desc, 1 limit 1`)
  ).rows as Array<{ id: string; size: number }>;
  if (!story) throw new Error("no stories in the corpus");
  const [article] = (
    await db.execute(sql`
      select a.id::text as id from article_stories x join articles a on a.id = x.article_id
      where x.story_id = ${story.id}::uuid and a.status = 'ready' order by a.created_at, a.id limit 1`)
  ).rows as Array<{ id: string }>;
  const [entity] = (
    await db.execute(sql`
      select e.slug, e.name, count(*)::int as articles from article_entities ae join entities e on e.slug = ae.slug
      group by 1, 2 order by 3 desc, 1 limit 1`)
  ).rows as Array<{ slug: string; name: string; articles: number }>;
  if (!article || !entity) throw new Error("the largest story has no ready article, or no entity is stored");
  return { storyId: story.id, storySize: story.size, articleId: article.id, entity };
}

async function main() {
  const bench = await benchDatabase({ serverUrl, redisUrl, prefix: PREFIX, articles: ARTICLES, log });
  const db = openDatabase(bench.url);
  const record = recorder(db);
  const redis = createRedis(redisUrl, "producer");
  const ingestQueue = createIngestQueue({ connection: redis, prefix: PREFIX });
  const briefQueue = createBriefQueue({ connection: redis, prefix: PREFIX });
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  const started = new Date();
  try {
    const sample = await pickSample(db);
    const api = createCaller({ db, ingestQueue, briefQueue, log: () => {} });
    const { rows: sizes } = await client.query<{ relname: string; n: string }>(
      "select relname, reltuples::bigint as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace",
    );
    const tableRows = new Map(sizes.map((r) => [r.relname, Number(r.n)]));

    // What each page and worker step sends, in the order the page sends it (see apps/web/app/**/page.tsx).
    const steps: Array<{ name: string; run: () => Promise<unknown> }> = [
      {
        name: "home /",
        run: async () => {
          await storyCardsVersion(db);
          await api.story.cards({ limit: 20 });
          await api.story.filters();
        },
      },
      {
        name: "story /stories/[id]",
        run: async () => {
          await storyPageVersion(db, sample.storyId);
          await api.story.byId({ id: sample.storyId, articleLimit: 50 });
          await api.story.briefing({ id: sample.storyId });
          await api.story.merges({ id: sample.storyId });
          await api.story.staleBriefingPoints({ id: sample.storyId });
        },
      },
      {
        name: "article /articles/[id]",
        run: async () => {
          await api.article.byId({ id: sample.articleId });
          const placed = await api.article.story({ id: sample.articleId });
          if (placed) await api.story.byId({ id: placed.storyId, articleLimit: 1 });
          await api.article.enrichment({ id: sample.articleId });
          await api.article.revisions({ id: sample.articleId });
        },
      },
      {
        name: "entity /entities/[slug]",
        run: async () => {
          const slug = sample.entity.slug;
          await api.entity.bySlug({ slug });
          await api.entity.timeline({ slug });
          await api.entity.stories({ slug, limit: 50 });
          await api.entity.quotes({ slug, limit: 20 });
          await api.entity.naming({ slug });
        },
      },
      {
        name: `search "${sample.entity.name}"`,
        run: () => api.search.query({ q: sample.entity.name, page: 1 }),
      },
      { name: 'search "election OR vote"', run: () => api.search.query({ q: "election OR vote", page: 1 }) },
      {
        name: "compare /stories/[id]/compare",
        run: async () => {
          await api.story.byId({ id: sample.storyId, articleLimit: 1 });
          await api.compare.story({ storyId: sample.storyId });
        },
      },
      {
        name: "worker: duplicate lookup",
        run: async () => {
          const [row] = (
            await db.execute(sql`
              select a.content_hash, a.canonical_key, f.signature from articles a
              join article_fingerprints f on f.article_id = a.id where a.id = ${sample.articleId}::uuid`)
          ).rows as Array<{ content_hash: string; canonical_key: string | null; signature: number[] }>;
          if (!row) throw new Error(`article ${sample.articleId} has no fingerprint`);
          record.recording = true;
          await db
            .transaction(async (tx) => {
              // findDuplicate reads only the content hash of the article it is given.
              const article = { contentHash: row.content_hash } as NormalizedArticle;
              await findDuplicate(tx, sample.articleId, article, row.canonical_key, row.signature);
              tx.rollback();
            })
            .catch(() => {});
        },
      },
      {
        name: "worker: cluster candidates",
        run: async () => {
          // An article of this story looks for candidates by terms this story posts.
          const terms = (
            await db.execute(sql`
              select p.term, c.df as count from story_postings p join cluster_terms c on c.term = p.term
              where p.story_id = ${sample.storyId}::uuid order by c.df, p.term limit ${DEFAULT_CLUSTER_OPTIONS.queryTerms}`)
          ).rows as Array<{ term: string; count: number }>;
          const articleIds = (
            await db.execute(
              sql`select article_id::text as id from article_stories where story_id = ${sample.storyId}::uuid`,
            )
          ).rows as Array<{ id: string }>;
          record.recording = true;
          await db
            .transaction(async (tx) => {
              const index = new PgStoryIndex(tx);
              await index.stats();
              await index.documentFrequencies(terms.map((t) => t.term));
              await index.candidates({
                terms: terms.map((t) => ({ term: t.term, weight: t.count })),
                since: null,
                perTerm: DEFAULT_CLUSTER_OPTIONS.postingsPerTerm,
                limit: DEFAULT_CLUSTER_OPTIONS.candidates,
              });
              await loadClusterDocs(
                tx,
                articleIds.map((a) => a.id),
              );
              tx.rollback();
            })
            .catch(() => {});
        },
      },
      {
        name: "worker: briefing inputs",
        run: async () => {
          const ids = (
            await db.execute(sql`
              select article_id::text as id from article_stories where story_id = ${sample.storyId}::uuid
              order by assigned_at, article_id limit 60`)
          ).rows as Array<{ id: string }>;
          record.recording = true;
          await loadBriefingArticles(
            db,
            ids.map((r) => r.id),
          );
        },
      },
    ];

    log(
      `\nbench:explain — ${bench.name}; sample: story ${sample.storyId} (${sample.storySize} articles, the largest), ` +
        `article ${sample.articleId}, entity ${sample.entity.slug} (${sample.entity.articles.toLocaleString("en")} articles)`,
    );
    if (bench.scale) for (const line of scaleTable(bench.scale)) log(line);
    log(
      "\nEach distinct statement once (calls: how often the step sent it). Peer: the same statement with index and " +
        "bitmap scans off.\n",
    );
    log("| step | statement | calls | exec ms | plan ms | rows | scans | no-index exec ms | × |");
    log("|---|---|---:|---:|---:|---:|---|---:|---:|");
    const flagged: Array<{ step: string; statement: Statement; plan: Explained }> = [];
    for (const step of steps) {
      record.statements = [];
      record.recording = !step.name.startsWith("worker:");
      await step.run();
      record.recording = false;
      const distinct = new Map<string, { statement: Statement; calls: number }>();
      for (const s of record.statements) {
        const key = shape(s.text);
        const seen = distinct.get(key);
        if (seen) seen.calls++;
        else distinct.set(key, { statement: s, calls: 1 });
      }
      for (const { statement, calls } of distinct.values()) {
        const plan = await explain(client, statement, tableRows, false);
        if (typeof plan === "string") {
          log(`| ${step.name} | ${describe(statement.text)} | ${calls} | failed: ${plan} | | | | | |`);
          continue;
        }
        const peer = await explain(client, statement, tableRows, true);
        const peerMs =
          typeof peer === "string"
            ? /timeout/.test(peer)
              ? "> 30000"
              : `failed: ${peer}`
            : peer.executionMs.toFixed(2);
        const ratio =
          typeof peer === "string" ? "" : (peer.executionMs / Math.max(plan.executionMs, 0.001)).toFixed(1);
        const warn = plan.seqScans.length ? ` **seq scan: ${plan.seqScans.join(", ")}**` : "";
        log(
          `| ${step.name} | ${describe(statement.text)} | ${calls} | ${plan.executionMs.toFixed(2)} | ` +
            `${plan.planningMs.toFixed(2)} | ${plan.rows} | ${plan.scans.join("; ")}${warn} | ${peerMs} | ${ratio} |`,
        );
        if (plan.seqScans.length) flagged.push({ step: step.name, statement, plan });
      }
    }
    for (const { step, statement, plan } of flagged) {
      log(`\n### ${step}: sequential scan of ${plan.seqScans.join(", ")}\n`);
      log("```sql");
      log(statement.text.trim());
      log(`-- parameters: ${JSON.stringify(statement.values).slice(0, 400)}`);
      log("```\n```");
      log(plan.text);
      log("```");
    }
  } finally {
    // The comparison the compare step computed is not left behind: the web benchmark starts with none stored.
    await client.query("delete from comparisons where built_at >= $1", [started]).catch(() => {});
    await client.end();
    await ingestQueue.close();
    await briefQueue.close();
    redis.disconnect();
    await closeDatabase(db);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
