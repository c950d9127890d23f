import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "./story-index";

// Storage of accounts, sessions and API tokens. Callers hand in hashes, never passwords or tokens: what is
// hashed how lives in @parallax/api's auth module, and nothing here can leak a secret into a log.

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

export type TokenScope = "admin" | "submit";

export interface User {
  id: string;
  username: string;
  createdAt: Date;
}

export interface ApiTokenRecord {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A second account with the same name. */
export class UserExistsError extends Error {
  constructor(username: string) {
    super(`a user named “${username}” already exists`);
    this.name = "UserExistsError";
  }
}

function isUniqueViolation(error: unknown): boolean {
  const codeOf = (e: unknown) => (e && typeof e === "object" && "code" in e ? e.code : undefined);
  return codeOf(error) === "23505" || codeOf((error as { cause?: unknown } | null)?.cause) === "23505";
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from users`);
  return row?.n ?? 0;
}

export async function insertUser(db: Queryable, username: string, passwordHash: string): Promise<User> {
  try {
    const [row] = await rows<{ id: string; username: string; created_at: Date }>(
      db,
      sql`insert into users (username, password_hash) values (${username}, ${passwordHash})
          returning id::text, username, created_at`,
    );
    return { id: row!.id, username: row!.username, createdAt: new Date(row!.created_at) };
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserExistsError(username);
    throw error;
  }
}

/** The stored hash of `username`, for checking a password; null when there is no such user. */
export async function findUserCredentials(
  db: Queryable,
  username: string,
): Promise<{ id: string; username: string; passwordHash: string } | null> {
  const [row] = await rows<{ id: string; username: string; password_hash: string }>(
    db,
    sql`select id::text, username, password_hash from users where username = ${username}`,
  );
  return row ? { id: row.id, username: row.username, passwordHash: row.password_hash } : null;
}

/**
 * Replaces a user's password hash and ends every session of that user (a changed password must lock out whoever
 * learned the old one). False when there is no such user.
 */
export async function setUserPassword(
  db: Queryable,
  username: string,
  passwordHash: string,
): Promise<boolean> {
  const [row] = await rows<{ id: string }>(
    db,
    sql`update users set password_hash = ${passwordHash}, password_changed_at = now()
        where username = ${username} returning id::text`,
  );
  if (!row) return false;
  await db.execute(sql`delete from sessions where user_id = ${row.id}::uuid`);
  return true;
}

export async function insertSession(
  db: Queryable,
  session: { userId: string; tokenHash: string; ttlMs: number },
): Promise<{ id: string; expiresAt: Date }> {
  // Expired sessions go when someone signs in: sign-ins are rare, and no scheduler is needed for it.
  await db.execute(sql`delete from sessions where expires_at < now()`);
  const [row] = await rows<{ id: string; expires_at: Date }>(
    db,
    sql`insert into sessions (user_id, token_hash, expires_at)
        values (${session.userId}::uuid, ${session.tokenHash}, now() + ${session.ttlMs} * interval '1 millisecond')
        returning id::text, expires_at`,
  );
  return { id: row!.id, expiresAt: new Date(row!.expires_at) };
}

export interface ActiveSession {
  id: string;
  userId: string;
  username: string;
  expiresAt: Date;
}

/**
 * The live session with this token hash, or null when there is none, it has expired, or it is older than
 * `maxAgeMs` whatever its use. Use slides the expiry to `ttlMs` from now, written at most once per `touchEveryMs`
 * so that reading pages does not write on every request.
 */
export async function touchSession(
  db: Queryable,
  tokenHash: string,
  { ttlMs, touchEveryMs, maxAgeMs }: { ttlMs: number; touchEveryMs: number; maxAgeMs: number },
): Promise<ActiveSession | null> {
  const [row] = await rows<{ id: string; user_id: string; username: string; expires_at: Date }>(
    db,
    sql`with live as (
          select s.id, s.user_id, s.expires_at, s.last_seen_at from sessions s
          where s.token_hash = ${tokenHash} and s.expires_at > now()
            and s.created_at > now() - ${maxAgeMs} * interval '1 millisecond'
        ), touched as (
          update sessions set last_seen_at = now(), expires_at = now() + ${ttlMs} * interval '1 millisecond'
          where id = (select id from live)
            and (select last_seen_at from live) < now() - ${touchEveryMs} * interval '1 millisecond'
          returning id, expires_at
        )
        select live.id::text, live.user_id::text, u.username,
               coalesce((select expires_at from touched), live.expires_at) as expires_at
        from live join users u on u.id = live.user_id`,
  );
  return row
    ? { id: row.id, userId: row.user_id, username: row.username, expiresAt: new Date(row.expires_at) }
    : null;
}

/** Ends the session with this token hash; true when there was one. */
export async function deleteSession(db: Queryable, tokenHash: string): Promise<boolean> {
  const deleted = await rows<{ id: string }>(
    db,
    sql`delete from sessions where token_hash = ${tokenHash} returning id::text`,
  );
  return deleted.length > 0;
}

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scope: TokenScope;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toToken = (r: TokenRow): ApiTokenRecord => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  scope: r.scope,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
  revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
});

const tokenColumns = sql`id::text, name, prefix, scope, created_by::text, created_at, last_used_at, revoked_at`;

export async function insertApiToken(
  db: Queryable,
  token: { name: string; scope: TokenScope; tokenHash: string; prefix: string; createdBy: string | null },
): Promise<ApiTokenRecord> {
  const [row] = await rows<TokenRow>(
    db,
    sql`insert into api_tokens (name, scope, token_hash, prefix, created_by)
        values (${token.name}, ${token.scope}, ${token.tokenHash}, ${token.prefix}, ${token.createdBy}::uuid)
        returning ${tokenColumns}`,
  );
  return toToken(row!);
}

/** Every token, live ones first, newest first. */
export async function listApiTokens(db: Queryable): Promise<ApiTokenRecord[]> {
  return (
    await rows<TokenRow>(
      db,
      sql`select ${tokenColumns} from api_tokens order by revoked_at is not null, created_at desc`,
    )
  ).map(toToken);
}

/** Revokes a live token; false when there is no such token or it was already revoked. */
export async function revokeApiToken(db: Queryable, id: string): Promise<boolean> {
  const revoked = await rows<{ id: string }>(
    db,
    sql`update api_tokens set revoked_at = now() where id = ${id}::uuid and revoked_at is null returning id::text`,
  );
  return revoked.length > 0;
}

/**
 * The live (unrevoked) token with this hash, its last use recorded (at most once per `touchEveryMs`, so a script's
 * burst of requests writes once); null for an unknown or revoked token.
 */
export async function useApiToken(
  db: Queryable,
  tokenHash: string,
  { touchEveryMs }: { touchEveryMs: number },
): Promise<ApiTokenRecord | null> {
  const [row] = await rows<TokenRow>(
    db,
    sql`with live as (
          select ${tokenColumns} from api_tokens where token_hash = ${tokenHash} and revoked_at is null
        ), touched as (
          update api_tokens set last_used_at = now()
          where id = (select id::uuid from live)
            and (last_used_at is null or last_used_at < now() - ${touchEveryMs} * interval '1 millisecond')
          returning last_used_at
        )
        select live.id, live.name, live.prefix, live.scope, live.created_by, live.created_at,
               coalesce((select last_used_at from touched), live.last_used_at) as last_used_at, live.revoked_at
        from live`,
  );
  return row ? toToken(row) : null;
}
