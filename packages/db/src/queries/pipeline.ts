import { comparableUrl, domainOf, type NormalizedArticle, segmentForSearch } from "@parallax/core";
import { articleFingerprint } from "@parallax/core/dedupe";
import { countryFromDomain } from "@parallax/core/sources";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "../client";
import {
  articleFingerprintBands,
  articleFingerprints,
  articleRevisions,
  articles,
  paragraphs,
  type RevisionReason,
  rawDocuments,
  sources,
} from "../schema/index";
import { insertRows } from "./bulk";
import { type DuplicateMatch, findDuplicate, saveFingerprint } from "./duplicates";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface SubmittedDocument {
  articleId: string;
  status: string;
  kind: "url" | "html" | "text";
  url: string | null;
  body: string | null;
  title: string | null;
  sourceName: string | null;
}

/** What the worker needs to process an article: its submission as it arrived. */
export async function loadSubmission(db: Database, articleId: string): Promise<SubmittedDocument | null> {
  const [row] = await db
    .select({
      articleId: articles.id,
      status: articles.status,
      kind: rawDocuments.kind,
      url: rawDocuments.url,
      body: rawDocuments.body,
      title: rawDocuments.title,
      sourceName: rawDocuments.sourceName,
    })
    .from(articles)
    .innerJoin(rawDocuments, and(eq(rawDocuments.articleId, articles.id), ne(rawDocuments.kind, "fetch")))
    .where(eq(articles.id, articleId))
    .orderBy(asc(rawDocuments.createdAt))
    .limit(1);
  return row ? { ...row, kind: row.kind as SubmittedDocument["kind"] } : null;
}

/**
 * `loadSubmission` for the ingest worker, which then marks the article `processing` (clearing any error) unless
 * it is already stored (`ready` or `duplicate`): both in one statement. The status returned is the one before.
 */
export async function claimSubmission(db: Database, articleId: string): Promise<SubmittedDocument | null> {
  const { rows } = await db.execute<{
    articleId: string;
    status: string;
    kind: string;
    url: string | null;
    body: string | null;
    title: string | null;
    sourceName: string | null;
  }>(sql`
    with submission as (
      select a.id, a.status, r.kind, r.url, r.body, r.title, r.source_name
      from articles a join raw_documents r on r.article_id = a.id and r.kind <> 'fetch'
      where a.id = ${articleId}
      order by r.created_at asc
      limit 1
    ), claimed as (
      update articles set status = 'processing', error = null, updated_at = ${new Date().toISOString()}::timestamptz
      where id = (select id from submission) and (select status from submission) not in ('ready', 'duplicate')
    )
    select id::text as "articleId", status, kind, url, body, title, source_name as "sourceName" from submission`);
  const [row] = rows;
  return row ? { ...row, kind: row.kind as SubmittedDocument["kind"] } : null;
}

export interface FetchRecord {
  url: string;
  bytes: Buffer;
  contentType: string | null;
  httpStatus: number;
}

/**
 * Keeps the downloaded bytes so the article can be rebuilt later without fetching again, and notes when the page
 * was fetched: one statement.
 */
export async function recordFetch(db: Database, articleId: string, fetched: FetchRecord): Promise<string> {
  const { rows } = await db.execute<{ id: string }>(sql`
    with fetched as (
      update ${articles} set fetched_at = ${new Date().toISOString()}::timestamptz where id = ${articleId}
    )
    insert into ${rawDocuments} (article_id, kind, url, bytes, content_type, http_status)
    values (${articleId}, 'fetch', ${fetched.url}, ${fetched.bytes}, ${fetched.contentType}, ${fetched.httpStatus})
    returning id::text`);
  return rows[0]!.id;
}

async function upsertSource(tx: Transaction, name: string, domain: string | null): Promise<string> {
  if (domain) {
    // A new outlet gets the country its ccTLD names; an existing one keeps whatever it has (an administrator's
    // setting above all), gaining an inferred country only if nothing ever set one.
    const country = countryFromDomain(domain);
    const [row] = await tx
      .insert(sources)
      .values({ name, domain, country, countrySource: country ? "inferred" : null })
      .onConflictDoUpdate({
        target: sources.domain,
        set: {
          domain,
          country: sql`case when ${sources.countrySource} is null then excluded.country else ${sources.country} end`,
          countrySource: sql`coalesce(${sources.countrySource}, excluded.country_source)`,
        },
      })
      .returning({ id: sources.id });
    return row!.id;
  }
  const [existing] = await tx
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.name, name), isNull(sources.domain)));
  if (existing) return existing.id;
  const [row] = await tx.insert(sources).values({ name }).returning({ id: sources.id });
  return row!.id;
}

export interface StoreResult {
  status: "ready" | "duplicate";
  duplicateOf: string | null;
  duplicateReason: DuplicateMatch["reason"] | null;
  /** The revision the article now shows, and the one before when this store made a new one. */
  revision: number;
  previousRevision: number | null;
}

export interface StoreHints {
  sourceName?: string | null;
  normalizerVersion?: number;
  /** Why a changed text is stored ('refetch' or 'reprocess'); the first store is always 'first'. */
  revisionReason?: Exclude<RevisionReason, "first">;
  /** The fetched page the text was read from. */
  rawDocumentId?: string | null;
}

/**
 * Replaces the article's body and metadata with the normalizer's output and marks it ready, or `duplicate` of
 * the first stored copy (same text, same canonical URL, or near-identical wire copy). Idempotent: a retried
 * job rewrites the same rows.
 */
export async function storeNormalizedArticle(
  db: Database,
  articleId: string,
  article: NormalizedArticle,
  hints: StoreHints = {},
): Promise<StoreResult> {
  const signature = articleFingerprint(article);
  return db.transaction(async (tx) => {
    // The row lock makes concurrent stores of one article take turns choosing the next revision number.
    const [locked] = await tx
      .select({ revision: articles.revision })
      .from(articles)
      .where(eq(articles.id, articleId))
      .for("update");
    if (!locked) throw new Error(`article ${articleId} no longer exists`);
    const revision = await recordRevision(tx, articleId, locked.revision, article, hints);
    const url = article.canonicalUrl ?? article.url;
    const domain = url ? domainOf(url) : null;
    const sourceName = hints.sourceName ?? article.siteName ?? domain;
    const sourceId = sourceName ? await upsertSource(tx, sourceName, domain) : null;
    const canonicalKey = article.canonicalUrl ? comparableUrl(article.canonicalUrl) : null;

    // What this store replaces, in one statement: the body and the duplicate fingerprint.
    await tx.execute(sql`
      with bands as (delete from ${articleFingerprintBands} where article_id = ${articleId}),
           fingerprint as (delete from ${articleFingerprints} where article_id = ${articleId})
      delete from ${paragraphs} where article_id = ${articleId}`);
    const duplicate = await findDuplicate(tx, articleId, article, canonicalKey, signature);
    await saveFingerprint(tx, articleId, signature, duplicate === null);

    if (article.paragraphs.length > 0) {
      await insertRows(
        tx,
        paragraphs,
        article.paragraphs.map((p) => ({
          articleId,
          n: p.n,
          kind: p.kind,
          text: p.text,
          searchText: segmentForSearch(p.text),
        })),
      );
    }
    const status = duplicate ? "duplicate" : "ready";
    await tx
      .update(articles)
      .set({
        canonicalUrl: article.canonicalUrl,
        canonicalKey,
        title: article.title,
        searchTitle: article.title ? segmentForSearch(article.title) : null,
        titleSource: article.titleSource,
        byline: article.byline,
        authors: article.authors,
        publishedAt: article.publishedAt ? new Date(article.publishedAt) : null,
        modifiedAt: article.modifiedAt ? new Date(article.modifiedAt) : null,
        language: article.language,
        siteName: article.siteName,
        genre: article.genre,
        section: article.section,
        description: article.description,
        imageUrl: article.imageUrl,
        tags: article.tags,
        captions: article.captions,
        digest: article.digest,
        sourceId,
        contentHash: article.contentHash,
        normalizerVersion: hints.normalizerVersion ?? null,
        status,
        error: null,
        duplicateOf: duplicate?.articleId ?? null,
        revision: revision.revision,
        updatedAt: new Date(),
      })
      .where(eq(articles.id, articleId));
    return {
      status,
      duplicateOf: duplicate?.articleId ?? null,
      duplicateReason: duplicate?.reason ?? null,
      ...revision,
    };
  });
}

/**
 * Keeps the text about to be stored as a new revision when it differs from the current one (by the
 * normalizer's content hash, and title); a retried or unchanged store adds nothing.
 */
async function recordRevision(
  tx: Transaction,
  articleId: string,
  current: number,
  article: NormalizedArticle,
  hints: StoreHints,
): Promise<{ revision: number; previousRevision: number | null }> {
  if (current > 0) {
    const [latest] = await tx
      .select({ contentHash: articleRevisions.contentHash, title: articleRevisions.title })
      .from(articleRevisions)
      .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.revision, current)));
    if (latest && latest.contentHash === article.contentHash && latest.title === article.title)
      return { revision: current, previousRevision: null };
  }
  const revision = current + 1;
  await tx.insert(articleRevisions).values({
    articleId,
    revision,
    contentHash: article.contentHash,
    title: article.title,
    paragraphs: article.paragraphs.map((p) => ({ n: p.n, kind: p.kind, text: p.text })),
    rawDocumentId: hints.rawDocumentId ?? null,
    reason: current === 0 ? "first" : (hints.revisionReason ?? "reprocess"),
  });
  return { revision, previousRevision: current > 0 ? current : null };
}
