import { createHash } from "node:crypto";
import type { Enrichment, Paragraph } from "@parallax/core";
import { dayRange } from "@parallax/core/enrich/date-range";
import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  articleEnrichment,
  articles,
  articleEntities,
  articleTerms,
  entities,
  events,
  figures,
  mentions,
  paragraphs,
  quotes,
  termStats,
  corpusDocumentCounts,
  timeExpressions,
} from "../schema/index";
import { insertRows } from "./bulk";
import type { Transaction } from "./pipeline";

const PER_ARTICLE = [mentions, articleEntities, timeExpressions, events, figures, quotes] as const;

const insertAll = <T extends Parameters<typeof insertRows>[1]>(
  tx: Transaction,
  table: T,
  rows: ReadonlyArray<Partial<T["$inferInsert"]>>,
) => insertRows(tx, table, rows, { onConflict: sql`on conflict do nothing` });

/**
 * Moves the corpus document frequencies from the article's old terms to its new ones. Terms are always touched in
 * sorted order, so concurrent workers lock shared `term_stats` rows in the same order and never deadlock.
 */
async function replaceTerms(tx: Transaction, articleId: string, counts: Map<string, number>) {
  const old = await tx
    .select({ term: articleTerms.term })
    .from(articleTerms)
    .where(eq(articleTerms.articleId, articleId))
    .orderBy(articleTerms.term);
  for (let i = 0; i < old.length; i += 1000) {
    const slice = old.slice(i, i + 1000).map((r) => r.term);
    // Lock in term order first; the update then touches rows this transaction already holds.
    await tx
      .select({ term: termStats.term })
      .from(termStats)
      .where(inArray(termStats.term, slice))
      .orderBy(termStats.term)
      .for("update");
    await tx
      .update(termStats)
      .set({ documents: sql`${termStats.documents} - 1` })
      .where(inArray(termStats.term, slice));
  }
  if (old.length > 0) await tx.delete(articleTerms).where(eq(articleTerms.articleId, articleId));
  const rows = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([term, count]) => ({ articleId, term, count }));
  await insertAll(tx, articleTerms, rows);
  await insertRows(
    tx,
    termStats,
    rows.map((r) => ({ term: r.term, documents: 1 })),
    { onConflict: sql`on conflict (term) do update set documents = term_stats.documents + 1` },
  );
}

export type EnrichmentWrite = "written" | "unchanged";

/**
 * Replaces an article's enrichment in one transaction. When the engine version and the output are the same as
 * stored, nothing is rewritten: re-enriching after an upgrade touches only the articles whose results changed.
 */
export async function storeEnrichment(
  db: Database,
  articleId: string,
  enrichment: Enrichment,
  termCounts: Map<string, number>,
): Promise<EnrichmentWrite> {
  // Keywords are scored when read, against the corpus as it is then; they are not part of what is stored.
  const { keywords: _keywords, ...stored } = enrichment;
  const outputHash = createHash("sha256")
    .update(JSON.stringify(stored))
    .update(JSON.stringify([...termCounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
    .digest("hex");
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ version: articleEnrichment.version, outputHash: articleEnrichment.outputHash })
      .from(articleEnrichment)
      .where(eq(articleEnrichment.articleId, articleId))
      .for("update");
    if (current && current.outputHash === outputHash && current.version === enrichment.version)
      return "unchanged";

    // Nothing to replace on an article's first enrichment: these rows are only ever written with its record.
    if (current)
      for (const table of PER_ARTICLE) await tx.delete(table).where(eq(table.articleId, articleId));
    // One statement for all of the article's entities, in slug order so that concurrent enrichments lock shared
    // entity rows in the same order.
    const bySlug = new Map(enrichment.entities.map((entity) => [entity.slug, entity]));
    const entityRows = [...bySlug.values()]
      .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
      .map((entity) => ({
        slug: entity.slug,
        name: entity.name,
        type: entity.type,
        placeKind: entity.placeKind,
        description: entity.description?.text ?? null,
      }));
    // The first description found stays: later articles rarely define an actor better than the first.
    await insertRows(tx, entities, entityRows, {
      onConflict: sql`on conflict (slug) do update
        set description = coalesce(entities.description, excluded.description), updated_at = now()`,
    });
    await insertAll(
      tx,
      articleEntities,
      enrichment.entities.map((e) => ({
        articleId,
        slug: e.slug,
        name: e.name,
        type: e.type,
        aliases: e.aliases,
        mentions: e.mentions,
        description: e.description,
        standsFor: e.standsFor,
      })),
    );
    await insertAll(
      tx,
      mentions,
      enrichment.mentions.map((m) => ({
        articleId,
        entitySlug: m.entity,
        ...pick(m),
        text: m.text,
        form: m.form,
      })),
    );
    await insertAll(
      tx,
      timeExpressions,
      enrichment.times.map((t) => ({
        articleId,
        ...pick(t),
        text: t.text,
        type: t.type,
        value: t.value,
        precision: t.precision,
      })),
    );
    await insertAll(
      tx,
      events,
      enrichment.timeline.flatMap((e) => {
        const range = dayRange(e.date);
        if (!range) return [];
        const { paragraph, start, end } = e;
        return [
          {
            articleId,
            paragraph,
            start,
            end,
            date: e.date,
            precision: e.precision,
            firstDay: range.first,
            lastDay: range.last,
            phrase: e.phrase,
            sentence: e.sentence,
            actors: e.actors,
            expected: e.expected,
          },
        ];
      }),
    );
    await insertAll(
      tx,
      figures,
      enrichment.figures.map((f) => ({
        articleId,
        ...pick(f),
        text: f.text,
        kind: f.kind,
        value: f.value,
        unit: f.unit,
        of: f.of,
        qualifier: f.qualifier,
        subject: f.subject,
      })),
    );
    await insertAll(
      tx,
      quotes,
      enrichment.quotes.map((q) => ({
        articleId,
        ...pick(q),
        text: q.text,
        kind: q.kind,
        speaker: q.speaker,
        speakerEntity: q.speakerEntity,
        cue: q.cue,
      })),
    );
    await replaceTerms(tx, articleId, termCounts);
    const row = {
      version: enrichment.version,
      outputHash,
      language: enrichment.language,
      referenceDate: enrichment.referenceDate,
      error: null,
      enrichedAt: new Date(),
    };
    await tx
      .insert(articleEnrichment)
      .values({ articleId, ...row })
      .onConflictDoUpdate({ target: articleEnrichment.articleId, set: row });
    return "written";
  });
}

const pick = (s: { paragraph: number; start: number; end: number }) => ({
  paragraph: s.paragraph,
  start: s.start,
  end: s.end,
});

/** Enrichment failed: the article stays readable; the reason is kept for the jobs page. */
export async function recordEnrichmentError(db: Database, articleId: string, version: number, error: string) {
  const row = { version, outputHash: "", error, enrichedAt: new Date() };
  await db
    .insert(articleEnrichment)
    .values({ articleId, ...row })
    .onConflictDoUpdate({ target: articleEnrichment.articleId, set: row });
}

/**
 * Corpus statistics for keyword scoring: how many articles are enriched, and each term's document count. One
 * statement: the count rides on every row (and on one row of nulls when no term is known).
 */
export async function corpusTermStats(db: Database, terms: readonly string[]) {
  const { rows } = await db.execute<{ n: number; term: string | null; documents: number | null }>(sql`
    select c.n, t.term, t.documents
    from (select coalesce(sum(${corpusDocumentCounts.documents}), 0)::int as n from ${corpusDocumentCounts}) c
    left join ${termStats} t on t.term = any(${sql.param([...terms])}::text[])`);
  const frequencies = new Map<string, number>();
  for (const row of rows) if (row.term !== null) frequencies.set(row.term, row.documents!);
  return { documents: rows[0]?.n ?? 0, frequencies };
}

/** What enrichment reads of an article: its status, language, publication date and paragraphs, in one statement. */
export async function loadEnrichmentInput(
  db: Database,
  articleId: string,
): Promise<{
  status: string;
  language: string | null;
  publishedAt: string | null;
  paragraphs: Paragraph[];
} | null> {
  const { rows } = await db.execute<{
    status: string;
    language: string | null;
    published_at: string | null;
    paragraphs: Paragraph[];
  }>(sql`
    select a.status, a.language,
           to_char(a.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at,
           coalesce((select json_agg(json_build_object('n', p.n, 'kind', p.kind, 'text', p.text) order by p.n)
                     from ${paragraphs} p where p.article_id = a.id), '[]'::json) as paragraphs
    from ${articles} a where a.id = ${articleId}`);
  const [row] = rows;
  if (!row) return null;
  return {
    status: row.status,
    language: row.language,
    publishedAt: row.published_at,
    paragraphs: row.paragraphs,
  };
}

/**
 * Readable articles with no enrichment, or one from an older engine (errors of the current engine are not
 * retried here: they would fail again). Oldest first, so a backlog drains in arrival order. `among` narrows the
 * look to those articles.
 */
export async function listArticlesNeedingEnrichment(
  db: Database,
  version: number,
  limit: number,
  among?: readonly string[],
): Promise<string[]> {
  if (among?.length === 0) return [];
  const rows = await db
    .select({ id: articles.id })
    .from(articles)
    .leftJoin(articleEnrichment, eq(articleEnrichment.articleId, articles.id))
    .where(
      and(
        inArray(articles.status, ["ready", "duplicate"]),
        or(isNull(articleEnrichment.articleId), lt(articleEnrichment.version, version)),
        among ? inArray(articles.id, [...among]) : undefined,
      ),
    )
    .orderBy(asc(articles.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}
