/**
 * Grows a pipeline-built corpus to N articles by replicating, inside PostgreSQL, what the pipeline stored: every
 * row of every table the pages and the worker read is copied k times with new ids (set-based INSERT … SELECT, so
 * 100,000 articles take minutes, not the hour the pipeline would). The result is the pipeline's corpus repeated,
 * not new text: each copy has its own outlets (`copyK.<domain>`, `<name> (copy K)`), articles, paragraphs,
 * enrichment, fingerprints, stories, memberships, briefings and revisions, published K weeks earlier than the
 * original, and shares the entities (the same people appear in every copy's stories, as in real news) and the
 * term statistics (scaled to the new document counts).
 *
 * Ids: copy K of a row keeps its original uuid but for the first four hex digits (K) and the version digit
 * ('8', a valid RFC 9562 custom version, which zod's uuid check accepts; gen_random_uuid() only makes version 4),
 * so an id's copy can be computed in SQL, never collides with an original, and the ids inside briefing JSON (citations) are rewritten with one regular expression.
 *
 * Each copy is one transaction that also records itself in `bench_scale_copies`: a run that stops halfway leaves
 * whole copies only, and the next run continues with the next copy.
 */
import pg from "pg";

/** Tables copied row for row, in foreign-key order, with the uuid column that names the original a row belongs to. */
const COPIED: Array<{ table: string; key: string }> = [
  { table: "sources", key: "id" },
  { table: "articles", key: "id" },
  { table: "raw_documents", key: "id" },
  { table: "paragraphs", key: "article_id" },
  { table: "article_revisions", key: "article_id" },
  { table: "article_enrichment", key: "article_id" },
  { table: "article_entities", key: "article_id" },
  { table: "article_terms", key: "article_id" },
  { table: "mentions", key: "article_id" },
  { table: "quotes", key: "article_id" },
  { table: "figures", key: "article_id" },
  { table: "events", key: "article_id" },
  { table: "time_expressions", key: "article_id" },
  { table: "article_fingerprints", key: "article_id" },
  { table: "article_fingerprint_bands", key: "article_id" },
  { table: "stories", key: "id" },
  { table: "story_merges", key: "id" },
  { table: "story_postings", key: "story_id" },
  { table: "article_stories", key: "article_id" },
  { table: "briefings", key: "id" },
  { table: "briefing_marks", key: "briefing_id" },
];
/** Shared by every copy (entities) or scaled in place (document statistics): see `scaleStatistics`. */
const SHARED = ["entities", "term_stats", "cluster_terms", "cluster_corpus"];
/** Not made by the pipeline from pasted articles, or caches the pages fill themselves (comparisons). */
const NOT_COPIED = [
  "comparisons",
  "reprocess_runs",
  "reprocess_results",
  "feeds",
  "feed_items",
  "watches",
  "alerts",
  "webhook_deliveries",
  "users",
  "sessions",
  "api_tokens",
  "__drizzle_migrations",
];
const BOOKKEEPING = ["bench_scale_copies", "bench_scale_base"];

/** Per-copy values of columns whose copies must differ from the original (unique keys, hashes, names). */
function overrides(table: string, k: number): Record<string, string> {
  const tag = `'copy${k}'`;
  const rehash = (column: string) =>
    `case when ${column} is null then null else encode(sha256(convert_to(${column} || ':' || ${tag}, 'UTF8')), 'hex') end`;
  const host = (column: string) => `regexp_replace(${column}, '^(https?://)', '\\1' || ${tag} || '.')`;
  switch (table) {
    case "sources":
      return {
        name: `name || ' (copy ${k})'`,
        domain: `case when domain is null then null else ${tag} || '.' || domain end`,
      };
    case "articles":
      return {
        url: host("url"),
        canonical_url: host("canonical_url"),
        url_key: `case when url_key is null then null else url_key || '#' || ${tag} end`,
        canonical_key: `case when canonical_key is null then null else canonical_key || '#' || ${tag} end`,
        submission_hash: rehash("submission_hash"),
        content_hash: rehash("content_hash"),
      };
    case "raw_documents":
      return {
        url: host("url"),
        source_name: `case when source_name is null then null else source_name || ' (copy ${k})' end`,
      };
    case "article_revisions":
      return { content_hash: rehash("content_hash") };
    // A copy is another document, not a near-duplicate of its original: its band hashes differ.
    case "article_fingerprint_bands":
      return { hash: `hash # ${(k * 0x9e3779b1) | 0}` };
    // Older copies were saved earlier: their revisions (and postings' seq, the revision they were saved at) sort
    // below every original's, as a story saved K weeks ago would. The sequence itself is never rewound.
    case "stories":
      return { revision: `revision - ${k}::bigint * (select r from bench_revision_span)` };
    case "story_postings":
      return { seq: `seq - ${k}::bigint * (select r from bench_revision_span)` };
    default:
      return {};
  }
}

interface Column {
  name: string;
  type: string;
  generated: boolean;
}

async function columns(client: pg.Client, table: string): Promise<Column[]> {
  const { rows } = await client.query<{ column_name: string; data_type: string; is_generated: string }>(
    `select column_name, data_type, is_generated from information_schema.columns
     where table_schema = 'public' and table_name = $1 order by ordinal_position`,
    [table],
  );
  return rows.map((r) => ({
    name: r.column_name,
    type: r.data_type,
    generated: r.is_generated === "ALWAYS",
  }));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `insert into T (…) select <copy of each column> from T where <row is an original>` for copy `k`. */
function copyStatement(table: string, key: string, cols: Column[], k: number): string {
  const special = overrides(table, k);
  const names: string[] = [];
  const values: string[] = [];
  for (const c of cols) {
    if (c.generated) continue;
    names.push(quote(c.name));
    const column = quote(c.name);
    if (special[c.name]) values.push(special[c.name]!);
    else if (c.type === "uuid") values.push(`bench_copy_id(${column}, ${k})`);
    else if (c.type === "timestamp with time zone") values.push(`${column} - interval '${k} weeks'`);
    else if (c.type === "jsonb") values.push(`bench_copy_ids(${column}, ${k})`);
    else values.push(column);
  }
  return `insert into ${quote(table)} (${names.join(", ")})
    select ${values.join(", ")} from ${quote(table)} where not bench_is_copy(${quote(key)})`;
}

const SETUP = String.raw`
create or replace function bench_is_copy(id uuid) returns boolean language sql immutable as
  $$ select substr(id::text, 15, 1) = '8' $$;
create or replace function bench_copy_id(id uuid, k int) returns uuid language sql immutable as
  $$ select case when id is null then null else
       (lpad(to_hex(k), 4, '0') || substr(id::text, 5, 10) || '8' || substr(id::text, 16))::uuid end $$;
create or replace function bench_copy_ids(doc jsonb, k int) returns jsonb language sql immutable as
  $$ select case when doc is null then null else regexp_replace(doc::text,
       '[0-9a-f]{4}([0-9a-f]{4}-[0-9a-f]{4}-)[0-9a-f]([0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12})',
       lpad(to_hex(k), 4, '0') || '\1' || '8' || '\2', 'g')::jsonb end $$;
create table if not exists bench_scale_copies (copy int primary key, done_at timestamptz not null default now());
`;

/** The base snapshot: row counts of the pipeline-built corpus and the statistics that copies multiply. */
async function ensureBase(client: pg.Client): Promise<Map<string, number>> {
  const exists = await client.query("select 1 from pg_tables where tablename = 'bench_scale_base'");
  if (exists.rowCount === 0) {
    const copies = await client.query("select 1 from articles where bench_is_copy(id) limit 1");
    if (copies.rowCount)
      throw new Error(
        "articles with copy ids but no bench_scale_base: this database was not scaled by this script",
      );
    await client.query("begin");
    await client.query("create table bench_scale_base (name text primary key, rows bigint not null)");
    for (const { table } of COPIED)
      await client.query(`insert into bench_scale_base select $1, count(*) from ${quote(table)}`, [table]);
    await client.query("create table bench_scale_base_term_stats as select * from term_stats");
    await client.query("create table bench_scale_base_cluster_terms as select * from cluster_terms");
    await client.query("create table bench_scale_base_cluster_corpus as select * from cluster_corpus");
    await client.query(
      "create table bench_revision_span as select coalesce(max(revision), 0) + 1 as r from stories",
    );
    await client.query("commit");
  }
  const { rows } = await client.query<{ name: string; rows: string }>(
    "select name, rows from bench_scale_base",
  );
  return new Map(rows.map((r) => [r.name, Number(r.rows)]));
}

/** Document counts after `copies` copies: the originals' times (copies + 1). Idempotent. */
async function scaleStatistics(client: pg.Client, copies: number): Promise<void> {
  const f = copies + 1;
  await client.query(
    `update term_stats t set documents = b.documents * ${f} from bench_scale_base_term_stats b where b.term = t.term`,
  );
  await client.query(
    `update cluster_terms t set df = b.df * ${f} from bench_scale_base_cluster_terms b where b.term = t.term`,
  );
  await client.query(
    `update cluster_corpus t set documents = b.documents * ${f}, total_length = b.total_length * ${f}
     from bench_scale_base_cluster_corpus b where b.id = t.id`,
  );
}

export interface ScaleReport {
  copies: number;
  articles: number;
  tables: Array<{ table: string; base: number; now: number }>;
  notCopied: Array<{ table: string; rows: number }>;
}

/**
 * Copies the original corpus until the database holds at least `target` articles (whole copies), then analyzes.
 * `target` at or below the original count does nothing but report.
 */
export async function scaleCorpus(
  databaseUrl: string,
  target: number,
  log: (line: string) => void,
): Promise<ScaleReport> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(SETUP);
    const base = await ensureBase(client);
    const originals = base.get("articles") ?? 0;
    if (originals === 0)
      throw new Error("no articles to replicate: fill the corpus through the pipeline first");
    const wanted = Math.max(0, Math.ceil(target / originals) - 1);
    const done = new Set(
      (await client.query<{ copy: number }>("select copy from bench_scale_copies")).rows.map((r) => r.copy),
    );
    const { rows: tables } = await client.query<{ tablename: string }>(
      "select tablename from pg_tables where schemaname = 'public'",
    );
    const known = new Set([...COPIED.map((c) => c.table), ...SHARED, ...NOT_COPIED, ...BOOKKEEPING]);
    const unknown = tables.map((t) => t.tablename).filter((t) => !known.has(t) && !t.startsWith("bench_"));
    if (unknown.length)
      throw new Error(
        `tables this script does not know how to replicate: ${unknown.join(", ")} (add them to COPIED, SHARED or NOT_COPIED)`,
      );
    const shapes = new Map<string, Column[]>();
    for (const { table } of COPIED) shapes.set(table, await columns(client, table));
    let added = 0;
    for (let k = 1; k <= wanted; k++) {
      if (done.has(k)) continue;
      added++;
      const started = Date.now();
      await client.query("begin");
      try {
        await client.query("set local synchronous_commit = off");
        for (const { table, key } of COPIED)
          await client.query(copyStatement(table, key, shapes.get(table)!, k));
        await scaleStatistics(client, k);
        await client.query("insert into bench_scale_copies (copy) values ($1)", [k]);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      }
      log(`scale: copy ${k}/${wanted} stored in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    // Fresh statistics and visibility maps, as autovacuum would leave them on a database that grew slowly:
    // without them the plans of a just-copied database are not the ones a real one gets.
    if (added > 0) {
      log("scale: vacuum analyze");
      await client.query("vacuum analyze");
    }
    const copies = Number(
      (await client.query("select count(*)::int as n from bench_scale_copies")).rows[0].n,
    );
    const report: ScaleReport = { copies, articles: 0, tables: [], notCopied: [] };
    for (const { table } of COPIED) {
      const now = Number((await client.query(`select count(*)::int as n from ${quote(table)}`)).rows[0].n);
      report.tables.push({ table, base: base.get(table) ?? 0, now });
      if (table === "articles") report.articles = now;
    }
    for (const table of NOT_COPIED) {
      if (!tables.some((t) => t.tablename === table) || table.startsWith("__")) continue;
      const rows = Number((await client.query(`select count(*)::int as n from ${quote(table)}`)).rows[0].n);
      if (rows > 0) report.notCopied.push({ table, rows });
    }
    return report;
  } finally {
    await client.end();
  }
}

/** Each copied table's rows now against (copies + 1) × the original's; a mismatch names the table. */
export function checkScale(report: ScaleReport): string[] {
  return report.tables
    .filter((t) => t.now !== t.base * (report.copies + 1))
    .map((t) => `${t.table}: ${t.now} rows, expected ${t.base} × ${report.copies + 1}`);
}
