import {
  type ApiTokenRecord,
  type Database,
  deleteSession,
  findUserCredentials,
  insertApiToken,
  insertSession,
  insertUser,
  type Queryable,
  setUserPassword,
  type TokenScope,
  touchSession,
  type User,
  useApiToken,
} from "@parallax/db";
import { z } from "zod";
import {
  dummyPasswordHash,
  hashPassword,
  MAX_PASSWORD_CHARS,
  MIN_PASSWORD_CHARS,
  needsRehash,
  verifyPassword,
} from "./password";
import {
  looksLikeApiToken,
  looksLikeSessionToken,
  newApiToken,
  newSessionToken,
  sha256,
  tokenPrefix,
} from "./secrets";
import type { Viewer } from "./viewer";

/** A session lasts this long since it was last used (sliding), so an idle browser is signed out after 14 days. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** However much it is used, a session ends this long after sign-in; the cookie is set to expire then too. */
export const SESSION_MAX_AGE_MS = 90 * 24 * 60 * 60 * 1000;
/** Use moves a session's expiry, or a token's last-used time, at most this often. */
const TOUCH_EVERY_MS = 60 * 1000;

export const zUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "a user name is 1–64 letters, digits, '.', '_' or '-'");

export const zPassword = z
  .string()
  .min(MIN_PASSWORD_CHARS, `a password has at least ${MIN_PASSWORD_CHARS} characters`)
  .max(MAX_PASSWORD_CHARS, `a password has at most ${MAX_PASSWORD_CHARS} characters`);

export const zTokenScope = z.enum(["admin", "submit"]);
export const zTokenName = z
  .string()
  .trim()
  .min(1, "name the token")
  .max(80, "a token name has at most 80 characters");

/** Creates an administrator; `UserExistsError` when the name is taken. Input is validated here, not by callers. */
export async function createAdmin(db: Queryable, username: string, password: string): Promise<User> {
  const name = zUsername.parse(username);
  return insertUser(db, name, await hashPassword(zPassword.parse(password)));
}

/** Sets a new password and signs the user out everywhere; false when there is no such user. */
export async function changePassword(db: Queryable, username: string, password: string): Promise<boolean> {
  return setUserPassword(db, zUsername.parse(username), await hashPassword(zPassword.parse(password)));
}

/**
 * Checks a user name and password and opens a session. Null for any mistake, whether the name or the password
 * was wrong (the caller says one generic sentence); an unknown name costs as much time as a wrong password.
 */
export async function signIn(
  db: Database,
  username: string,
  password: string,
): Promise<{ token: string; expiresAt: Date; cookieExpiresAt: Date; username: string } | null> {
  const name = zUsername.safeParse(username);
  const user =
    name.success && password.length <= MAX_PASSWORD_CHARS ? await findUserCredentials(db, name.data) : null;
  if (!user) {
    await verifyPassword(password.slice(0, MAX_PASSWORD_CHARS), await dummyPasswordHash());
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  if (needsRehash(user.passwordHash)) await setUserPassword(db, user.username, await hashPassword(password));
  const token = newSessionToken();
  const session = await insertSession(db, {
    userId: user.id,
    tokenHash: sha256(token),
    ttlMs: SESSION_TTL_MS,
  });
  return {
    token,
    expiresAt: session.expiresAt,
    // The browser keeps the cookie as long as the session could last; the server ends it sooner when idle.
    cookieExpiresAt: new Date(Date.now() + SESSION_MAX_AGE_MS),
    username: user.username,
  };
}

export async function signOut(db: Queryable, sessionToken: string): Promise<boolean> {
  if (!looksLikeSessionToken(sessionToken)) return false;
  return deleteSession(db, sha256(sessionToken));
}

/** The signed-in user of a session cookie's value, its expiry slid forward; null when unknown or expired. */
export async function viewerOfSession(db: Queryable, sessionToken: string): Promise<Viewer | null> {
  if (!looksLikeSessionToken(sessionToken)) return null;
  const session = await touchSession(db, sha256(sessionToken), {
    ttlMs: SESSION_TTL_MS,
    touchEveryMs: TOUCH_EVERY_MS,
    maxAgeMs: SESSION_MAX_AGE_MS,
  });
  return session
    ? { kind: "user", userId: session.userId, username: session.username, sessionId: session.id }
    : null;
}

/** The caller of an API token, its last use recorded; null when unknown or revoked. */
export async function viewerOfApiToken(db: Queryable, token: string): Promise<Viewer | null> {
  if (!looksLikeApiToken(token)) return null;
  const record = await useApiToken(db, sha256(token), { touchEveryMs: TOUCH_EVERY_MS });
  return record
    ? { kind: "token", tokenId: record.id, name: record.name, prefix: record.prefix, scope: record.scope }
    : null;
}

/** Mints an API token. The token itself is in this answer only: the database keeps its hash and prefix. */
export async function createApiToken(
  db: Queryable,
  input: { name: string; scope: TokenScope; createdBy: string | null },
): Promise<{ token: string; record: ApiTokenRecord }> {
  const token = newApiToken();
  const record = await insertApiToken(db, {
    name: zTokenName.parse(input.name),
    scope: zTokenScope.parse(input.scope),
    tokenHash: sha256(token),
    prefix: tokenPrefix(token),
    createdBy: input.createdBy,
  });
  return { token, record };
}
