/**
 * The databases the web and EXPLAIN benchmarks read: `parallax_bench_web`, filled through the real pipeline (up to
 * 10,500 articles; see web-corpus.ts), and for a larger WEB_BENCH_ARTICLES `parallax_bench_web_<N>k`, a copy of
 * it grown in SQL by scale-corpus.ts. Both are kept between runs; a rerun only adds what is missing.
 * WEB_BENCH_DATABASE_URL names a database to use as it is instead.
 */
import { closeDatabase, createDatabase as openDatabase } from "@parallax/db";
import { runMigrations } from "@parallax/db/migrate";
import { createDatabase } from "@parallax/services";
import pg from "pg";
import { checkScale, type ScaleReport, scaleCorpus } from "./scale-corpus";
import { ensureCorpus } from "./web-corpus";

/** The most articles the pipeline builds; more are replicated from these. */
export const PIPELINE_ARTICLES = 10_500;
const BASE = "parallax_bench_web";

export interface BenchDatabase {
  url: string;
  name: string;
  /** Null when every article went through the pipeline. */
  scale: ScaleReport | null;
}

async function exists(serverUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query("select 1 from pg_database where datname = $1", [name])).rowCount !== 0;
  } finally {
    await client.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function benchDatabase(options: {
  serverUrl: string;
  redisUrl: string;
  prefix: string;
  articles: number;
  log: (line: string) => void;
}): Promise<BenchDatabase> {
  const { serverUrl, redisUrl, prefix, articles, log } = options;
  // A database filled some other way (a copy, a production snapshot) is read as it is.
  const given = process.env.WEB_BENCH_DATABASE_URL;
  if (given) {
    const client = new pg.Client({ connectionString: given });
    await client.connect();
    const scaled = await client
      .query("select 1 from pg_tables where tablename = 'bench_scale_base'")
      .finally(() => client.end());
    return {
      url: given,
      name: new URL(given).pathname.slice(1),
      scale: scaled.rowCount ? await scaleCorpus(given, 0, log) : null,
    };
  }
  if (!Number.isInteger(articles) || articles < 100)
    throw new Error(`WEB_BENCH_ARTICLES must be a whole number of at least 100, not ${articles}`);
  const baseUrl = databaseUrl(serverUrl, BASE);
  if (!(await exists(serverUrl, BASE))) await createDatabase(serverUrl, BASE);
  await runMigrations(baseUrl);
  const db = openDatabase(baseUrl);
  try {
    await ensureCorpus(db, redisUrl, prefix, Math.min(articles, PIPELINE_ARTICLES), log);
  } finally {
    await closeDatabase(db);
  }
  if (articles <= PIPELINE_ARTICLES) return { url: baseUrl, name: BASE, scale: null };

  const name = `${BASE}_${Math.round(articles / 1000)}k`;
  if (!(await exists(serverUrl, name))) {
    log(`scale: copying ${BASE} to ${name}`);
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      // A template must have no other sessions; the pipeline's pools above are closed.
      await client.query(
        `create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(BASE)}`,
      );
    } finally {
      await client.end();
    }
  }
  const url = databaseUrl(serverUrl, name);
  await runMigrations(url);
  const scale = await scaleCorpus(url, articles, log);
  const problems = checkScale(scale);
  if (problems.length) throw new Error(`the replicated corpus is inconsistent: ${problems.join("; ")}`);
  return { url, name, scale };
}

/** The replication, as a table for the report: rows per table before and after. */
export function scaleTable(scale: ScaleReport): string[] {
  const lines = [
    `corpus: the pipeline-built ${scale.tables.find((t) => t.table === "articles")?.base.toLocaleString("en")} articles ` +
      `replicated in SQL ${scale.copies} times (scale-corpus.ts): ${scale.articles.toLocaleString("en")} articles`,
    "",
    "| table | pipeline-built | now | × |",
    "|---|---:|---:|---:|",
    ...scale.tables.map(
      (t) =>
        `| ${t.table} | ${t.base.toLocaleString("en")} | ${t.now.toLocaleString("en")} | ${t.base ? (t.now / t.base).toFixed(1) : "-"} |`,
    ),
  ];
  if (scale.notCopied.length)
    lines.push("", `not replicated: ${scale.notCopied.map((t) => `${t.table} (${t.rows} rows)`).join(", ")}`);
  return lines;
}
