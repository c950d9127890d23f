import { randomBytes } from "node:crypto";
import {
  type Alert,
  type AlertKind,
  type DeliveryStatus,
  excludedTerms,
  type NewWatch,
  prepareSearchQuery,
  type Watch,
  type WatchKind,
} from "@parallax/core";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../client";
import type { Queryable } from "./story-index";

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** A second watch of the same kind and value with the same webhook (or both without one). */
export class WatchExistsError extends Error {
  constructor(kind: WatchKind, value: string) {
    super(`a ${kind} watch for “${value}” with this webhook already exists`);
    this.name = "WatchExistsError";
  }
}

interface WatchRow {
  id: string;
  kind: WatchKind;
  value: string;
  label: string | null;
  webhook_url: string | null;
  created_at: Date;
  last_alert_at: Date | null;
  alert_count: number;
  unread_count: number;
}

const toWatch = (r: WatchRow): Watch => ({
  id: r.id,
  kind: r.kind,
  value: r.value,
  label: r.label,
  webhookUrl: r.webhook_url,
  createdAt: new Date(r.created_at),
  lastAlertAt: r.last_alert_at ? new Date(r.last_alert_at) : null,
  alertCount: r.alert_count,
  unreadCount: r.unread_count,
});

const watchColumns = sql`w.id, w.kind, w.value, w.label, w.webhook_url, w.created_at, w.last_alert_at,
  (select count(*)::int from alerts x where x.watch_id = w.id) as alert_count,
  (select count(*)::int from alerts x where x.watch_id = w.id and x.read_at is null) as unread_count`;

/** Postgres' unique_violation, on the driver's error or on the DrizzleQueryError that wraps it. */
function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) => (e && typeof e === "object" && "code" in e ? e.code : undefined);
  return codeOf(error) === "23505" || codeOf((error as { cause?: unknown } | null)?.cause) === "23505";
}

/** Saves a watch with a new random webhook secret, which is returned (shown once) with it. */
export async function createWatch(db: Database, input: NewWatch): Promise<{ watch: Watch; secret: string }> {
  const secret = randomBytes(32).toString("hex");
  try {
    const [row] = await rows<{ id: string }>(
      db,
      sql`insert into watches (kind, value, label, webhook_url, webhook_secret)
          values (${input.kind}, ${input.value}, ${input.label}, ${input.webhookUrl}, ${secret}) returning id`,
    );
    const watch = await getWatch(db, row!.id);
    return { watch: watch!, secret };
  } catch (error) {
    if (isUniqueViolation(error)) throw new WatchExistsError(input.kind, input.value);
    throw error;
  }
}

export async function getWatch(db: Queryable, id: string): Promise<Watch | null> {
  const [row] = await rows<WatchRow>(db, sql`select ${watchColumns} from watches w where w.id = ${id}::uuid`);
  return row ? toWatch(row) : null;
}

export async function listWatches(db: Queryable): Promise<Watch[]> {
  const list = await rows<WatchRow>(
    db,
    sql`select ${watchColumns} from watches w order by w.created_at desc, w.id`,
  );
  return list.map(toWatch);
}

/** Removes a watch with its alerts and deliveries; false when there was none. */
export async function removeWatch(db: Queryable, id: string): Promise<boolean> {
  const removed = await rows<{ id: string }>(
    db,
    sql`delete from watches where id = ${id}::uuid returning id`,
  );
  return removed.length > 0;
}

export async function watchSecret(db: Queryable, id: string): Promise<string | null> {
  const [row] = await rows<{ webhook_secret: string }>(
    db,
    sql`select webhook_secret from watches where id = ${id}::uuid`,
  );
  return row?.webhook_secret ?? null;
}

/** An alert just recorded, and whether its watch wants it posted. */
export interface RecordedAlert {
  alertId: string;
  watchId: string;
  webhook: boolean;
}

/** Full-text query watches in the form the matching SQL takes: query and excluded words, CJK segmented. */
async function queryWatches(db: Queryable) {
  const list = await rows<{ id: string; value: string }>(
    db,
    sql`select id, value from watches where kind = 'query'`,
  );
  const ids: string[] = [];
  const positive: string[] = [];
  const negative: string[] = [];
  for (const w of list) {
    const query = prepareSearchQuery(w.value);
    if (!query) continue;
    ids.push(w.id);
    positive.push(query);
    negative.push(excludedTerms(query));
  }
  return { ids, positive, negative };
}

/** A query in 'simple' OR 'english' form, as the search builds it (0005_search.sql). */
const both = (column: SQL) =>
  sql`(websearch_to_tsquery('simple', ${column}) || websearch_to_tsquery('english', ${column}))`;

/**
 * The watches that one of `articleIds` matches: an entity it names, its outlet (source id or domain), or a query
 * that its title or one of its paragraphs matches with none of the query's excluded words anywhere in it — the
 * same rule as the search page, so a watch alerts on what its query finds there.
 */
function matchingWatches(articleIds: SQL, q: Awaited<ReturnType<typeof queryWatches>>): SQL {
  return sql`with arts as (
      select a.id, a.source_id, a.search_vector, s.domain from articles a left join sources s on s.id = a.source_id
      where a.id in (${articleIds}) and a.status = 'ready'
    ), queries as (
      select q.id, ${both(sql`q.pos`)} as tq, ${both(sql`q.neg`)} as nq
      from unnest(${sql.param(q.ids)}::uuid[], ${sql.param(q.positive)}::text[], ${sql.param(q.negative)}::text[]) as q(id, pos, neg)
    )
    select w.id from watches w
    where w.kind = 'entity'
      and exists (select 1 from article_entities ae join arts on arts.id = ae.article_id where ae.slug = w.value)
    union
    select w.id from watches w
    where w.kind = 'outlet' and exists (select 1 from arts where arts.source_id::text = w.value or arts.domain = w.value)
    union
    select c.id from queries c
    where numnode(c.tq) > 0 and querytree(c.tq) <> 'T'
      and exists (
        select 1 from arts
        where (arts.search_vector @@ c.tq
               or exists (select 1 from paragraphs p where p.article_id = arts.id and p.search_vector @@ c.tq))
          and not (numnode(c.nq) > 0 and (arts.search_vector @@ c.nq
               or exists (select 1 from paragraphs np where np.article_id = arts.id and np.search_vector @@ c.nq))))`;
}

/** Marks the watches alerted and queues their webhook deliveries; returns what was recorded. */
async function afterInsert(
  tx: Queryable,
  inserted: Array<{ id: string; watch_id: string }>,
): Promise<RecordedAlert[]> {
  if (inserted.length === 0) return [];
  const alertIds = inserted.map((r) => r.id);
  await tx.execute(sql`update watches set last_alert_at = now()
                       where id in (select watch_id from alerts where id = any(${sql.param(alertIds)}::uuid[]))`);
  const hooked = await rows<{ alert_id: string }>(
    tx,
    sql`insert into webhook_deliveries (alert_id, watch_id)
        select a.id, a.watch_id from alerts a join watches w on w.id = a.watch_id
        where a.id = any(${sql.param(alertIds)}::uuid[]) and w.webhook_url is not null
        on conflict do nothing returning alert_id`,
  );
  const withHook = new Set(hooked.map((h) => h.alert_id));
  return inserted.map((r) => ({ alertId: r.id, watchId: r.watch_id, webhook: withHook.has(r.id) }));
}

/**
 * Records a 'new-article' alert for every watch the article matches. Once per watch and article: running it
 * again (a re-enrichment, a retried job) records nothing new.
 */
export async function recordArticleAlerts(db: Database, articleId: string): Promise<RecordedAlert[]> {
  const q = await queryWatches(db);
  return db.transaction(async (tx) => {
    const inserted = await rows<{ id: string; watch_id: string }>(
      tx,
      sql`insert into alerts (watch_id, kind, article_id, title, summary)
          select m.id, 'new-article', a.id, coalesce(nullif(a.title, ''), 'Untitled article'),
                 coalesce(nullif(a.description, ''),
                          (select left(p.text, 280) from paragraphs p where p.article_id = a.id order by p.n limit 1))
          from (${matchingWatches(sql`${articleId}::uuid`, q)}) m
          join watches w on w.id = m.id, articles a
          -- New to the watch: an older article enriched again (an engine upgrade) raises no alert.
          where a.id = ${articleId}::uuid and a.created_at >= w.created_at
          on conflict (watch_id, article_id) where article_id is not null do nothing
          returning id, watch_id`,
    );
    return afterInsert(tx, inserted);
  });
}

/**
 * Records a 'briefing-changed' alert for every watch one of the story's articles matches, once per watch, story
 * and briefing version. Nothing when the story has no such version (merged away, or briefed again since).
 */
export async function recordBriefingAlerts(
  db: Database,
  storyId: string,
  version: number,
): Promise<RecordedAlert[]> {
  const q = await queryWatches(db);
  return db.transaction(async (tx) => {
    const inserted = await rows<{ id: string; watch_id: string }>(
      tx,
      sql`insert into alerts (watch_id, kind, story_id, version, title, summary)
          select m.id, 'briefing-changed', b.subject_id, b.version,
                 coalesce(nullif(b.content #>> '{headline,text}', ''),
                          (select a.title from article_stories x join articles a on a.id = x.article_id
                           where x.story_id = b.subject_id and a.title <> ''
                           order by coalesce(a.published_at, a.created_at), a.id limit 1),
                          'Untitled story'),
                 'Briefing version ' || b.version || ', from '
                   || (select count(*) from article_stories x where x.story_id = b.subject_id) || ' articles'
          from (${matchingWatches(sql`select article_id from article_stories where story_id = ${storyId}::uuid`, q)}) m,
               briefings b
          where b.scope = 'story' and b.subject_id = ${storyId}::uuid and b.version = ${version}
          on conflict (watch_id, story_id, version) where story_id is not null do nothing
          returning id, watch_id`,
    );
    return afterInsert(tx, inserted);
  });
}

interface AlertRow {
  id: string;
  watch_id: string;
  watch_label: string;
  kind: AlertKind;
  article_id: string | null;
  story_id: string | null;
  version: number | null;
  title: string;
  summary: string | null;
  created_at: Date;
  read_at: Date | null;
  status: DeliveryStatus | null;
  attempts: number | null;
  last_error: string | null;
  delivered_at: Date | null;
}

const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  watchId: r.watch_id,
  watchLabel: r.watch_label,
  kind: r.kind,
  articleId: r.article_id,
  storyId: r.story_id,
  version: r.version,
  title: r.title,
  summary: r.summary,
  createdAt: new Date(r.created_at),
  readAt: r.read_at ? new Date(r.read_at) : null,
  delivery: r.status
    ? {
        status: r.status,
        attempts: r.attempts ?? 0,
        lastError: r.last_error,
        deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
      }
    : null,
});

/** Alerts newest first, of one watch or all; `unread` keeps those not yet marked read. */
export async function listAlerts(
  db: Queryable,
  options: { watchId?: string | undefined; unread?: boolean | undefined; limit: number; offset?: number },
): Promise<{ items: Alert[]; total: number }> {
  const where: SQL[] = [sql`true`];
  if (options.watchId) where.push(sql`a.watch_id = ${options.watchId}::uuid`);
  if (options.unread) where.push(sql`a.read_at is null`);
  const condition = sql.join(where, sql` and `);
  const [list, [count]] = await Promise.all([
    rows<AlertRow>(
      db,
      sql`select a.id, a.watch_id, coalesce(w.label, w.kind || ': ' || w.value) as watch_label, a.kind, a.article_id,
                 a.story_id, a.version, a.title, a.summary, a.created_at, a.read_at,
                 d.status, d.attempts, d.last_error, d.delivered_at
          from alerts a join watches w on w.id = a.watch_id left join webhook_deliveries d on d.alert_id = a.id
          where ${condition} order by a.created_at desc, a.id desc
          limit ${options.limit} offset ${options.offset ?? 0}`,
    ),
    rows<{ total: number }>(db, sql`select count(*)::int as total from alerts a where ${condition}`),
  ]);
  return { items: list.map(toAlert), total: count?.total ?? 0 };
}

/** Marks the given alerts (or every unread one) read; returns how many changed. */
export async function markAlertsRead(db: Queryable, alertIds: readonly string[] | "all"): Promise<number> {
  const which = alertIds === "all" ? sql`true` : sql`id = any(${sql.param([...alertIds])}::uuid[])`;
  const changed = await rows<{ id: string }>(
    db,
    sql`update alerts set read_at = now() where read_at is null and ${which} returning id`,
  );
  return changed.length;
}

/** What a webhook delivery posts: the alert, its watch with URL and secret. Null when either is gone. */
export interface DeliveryContext {
  alert: Alert;
  watch: { id: string; kind: WatchKind; value: string; label: string | null; url: string; secret: string };
}

export async function deliveryContext(db: Queryable, alertId: string): Promise<DeliveryContext | null> {
  const [row] = await rows<
    AlertRow & {
      url: string | null;
      secret: string;
      watch_kind: WatchKind;
      value: string;
      label: string | null;
    }
  >(
    db,
    sql`select a.id, a.watch_id, coalesce(w.label, w.kind || ': ' || w.value) as watch_label, a.kind, a.article_id,
               a.story_id, a.version, a.title, a.summary, a.created_at, a.read_at,
               d.status, d.attempts, d.last_error, d.delivered_at,
               w.webhook_url as url, w.webhook_secret as secret, w.kind as watch_kind, w.value, w.label
        from alerts a join watches w on w.id = a.watch_id left join webhook_deliveries d on d.alert_id = a.id
        where a.id = ${alertId}::uuid`,
  );
  if (!row?.url) return null;
  return {
    alert: toAlert(row),
    watch: {
      id: row.watch_id,
      kind: row.watch_kind,
      value: row.value,
      label: row.label,
      url: row.url,
      secret: row.secret,
    },
  };
}

export async function recordDeliveryAttempt(
  db: Queryable,
  alertId: string,
  outcome: {
    status: DeliveryStatus;
    attempts: number;
    error?: string | null;
    responseStatus?: number | null;
  },
): Promise<void> {
  await db.execute(sql`update webhook_deliveries
    set status = ${outcome.status}, attempts = ${outcome.attempts}, last_error = ${outcome.error ?? null},
        response_status = ${outcome.responseStatus ?? null},
        delivered_at = case when ${outcome.status} = 'delivered' then now() else delivered_at end,
        updated_at = now()
    where alert_id = ${alertId}::uuid`);
}
