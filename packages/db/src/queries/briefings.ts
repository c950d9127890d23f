import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../client";
import { briefingScopes } from "../schema/index";
import type { Queryable } from "./story-index";

export type BriefingScope = (typeof briefingScopes)[number];

/** A briefing request that cannot be done; `code` is the API error to answer with. */
export class BriefingError extends Error {
  readonly code = "BAD_REQUEST" as const;
  constructor(message: string) {
    super(message);
    this.name = "BriefingError";
  }
}

const zSubject = z.object({ scope: z.enum(briefingScopes), subjectId: z.guid() });

function subject(scope: unknown, subjectId: unknown): { scope: BriefingScope; subjectId: string } {
  const parsed = zSubject.safeParse({ scope, subjectId });
  if (!parsed.success)
    throw new BriefingError(
      `a briefing is of a story or an article, by UUID; got ${JSON.stringify(scope)} ${JSON.stringify(subjectId)}`,
    );
  return { scope: parsed.data.scope, subjectId: parsed.data.subjectId.toLowerCase() };
}

/**
 * Transaction-scoped advisory lock per subject, so that two builders of one briefing take turns choosing the
 * next version; the (classid, objid) key space never meets the single-key story lock.
 */
const BRIEFING_LOCK_CLASS = 7253106;

export interface StoredBriefing {
  scope: BriefingScope;
  subjectId: string;
  version: number;
  inputHash: string;
  /** As stored; the briefing schema in @parallax/core says what it holds. */
  content: unknown;
  builtAt: string;
}

export interface BriefingVersion {
  version: number;
  inputHash: string;
  builtAt: string;
}

export interface StoreBriefingInput {
  scope: BriefingScope;
  subjectId: string;
  /** Hash of everything the briefing was built from: equal to the latest version's, nothing is stored. */
  inputHash: string;
  content: unknown;
  /**
   * Key of the inputs this content was built from (`BriefingSources.sourceKey` with the builder's version). Kept
   * on the version stored, or on the latest one when the content is the same, so the same inputs are not built
   * again.
   */
  buildKey?: string | null;
}

/**
 * Stores a briefing as the subject's next version, unless the latest version was built from the same input:
 * then `changed` is false and `version` is that latest one. Concurrent stores for one subject take turns, so
 * versions never repeat or skip.
 */
export async function storeBriefing(
  db: Database,
  input: StoreBriefingInput,
): Promise<{ version: number; changed: boolean }> {
  const { scope, subjectId } = subject(input.scope, input.subjectId);
  if (typeof input.inputHash !== "string" || input.inputHash.length === 0)
    throw new BriefingError("inputHash must be a non-empty string");
  const json = toJson(input.content);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(${BRIEFING_LOCK_CLASS}, hashtext(${`${scope}:${subjectId}`}))`,
    );
    const [latest] = await rows<{ version: number; input_hash: string; build_key: string | null }>(
      tx,
      sql`select version, input_hash, build_key from briefings where scope = ${scope} and subject_id = ${subjectId}
          order by version desc limit 1`,
    );
    const buildKey = input.buildKey ?? null;
    if (latest?.input_hash === input.inputHash) {
      if (buildKey !== null && latest.build_key !== buildKey)
        await tx.execute(sql`
          update briefings set build_key = ${buildKey}
          where scope = ${scope} and subject_id = ${subjectId} and version = ${latest.version}`);
      return { version: latest.version, changed: false };
    }
    const version = (latest?.version ?? 0) + 1;
    await tx.execute(sql`
      insert into briefings (scope, subject_id, version, input_hash, content, build_key)
      values (${scope}, ${subjectId}, ${version}, ${input.inputHash}, ${json}::jsonb, ${buildKey})`);
    return { version, changed: true };
  });
}

function toJson(content: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(content);
  } catch (error) {
    throw new BriefingError(`content is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (json === undefined) throw new BriefingError("content must be a JSON value");
  return json;
}

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

const builtAt = sql`to_char(built_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as built_at`;

type Row = { version: number; input_hash: string; content: unknown; built_at: string };

function readOne(
  db: Queryable,
  scope: unknown,
  subjectId: unknown,
  version: number | null,
): Promise<StoredBriefing | null> {
  const parsed = zSubject.safeParse({ scope, subjectId });
  if (!parsed.success) return Promise.resolve(null);
  const s = { scope: parsed.data.scope, subjectId: parsed.data.subjectId.toLowerCase() };
  return rows<Row>(
    db,
    sql`select version, input_hash, content, ${builtAt} from briefings
        where scope = ${s.scope} and subject_id = ${s.subjectId}
        ${version === null ? sql`` : sql`and version = ${version}`}
        order by version desc limit 1`,
  ).then(([row]) =>
    row
      ? { ...s, version: row.version, inputHash: row.input_hash, content: row.content, builtAt: row.built_at }
      : null,
  );
}

/** The newest briefing of a story or article; null when none was built (or the subject is malformed). */
export function latestBriefing(
  db: Queryable,
  scope: BriefingScope,
  subjectId: string,
): Promise<StoredBriefing | null> {
  return readOne(db, scope, subjectId, null);
}

/** One version of a briefing, for "what changed since version n"; null when there is no such version. */
export function briefingVersion(
  db: Queryable,
  scope: BriefingScope,
  subjectId: string,
  version: number,
): Promise<StoredBriefing | null> {
  if (!Number.isInteger(version) || version < 1 || version > 2_147_483_647) return Promise.resolve(null);
  return readOne(db, scope, subjectId, version);
}

/** Every version of a briefing without its content, newest first. */
export async function listBriefingVersions(
  db: Queryable,
  scope: BriefingScope,
  subjectId: string,
): Promise<BriefingVersion[]> {
  const parsed = zSubject.safeParse({ scope, subjectId });
  if (!parsed.success) return [];
  const found = await rows<Omit<Row, "content">>(
    db,
    sql`select version, input_hash, ${builtAt} from briefings
        where scope = ${parsed.data.scope} and subject_id = ${parsed.data.subjectId.toLowerCase()}
        order by version desc`,
  );
  return found.map((r) => ({ version: r.version, inputHash: r.input_hash, builtAt: r.built_at }));
}
