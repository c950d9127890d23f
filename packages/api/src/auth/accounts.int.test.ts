import {
  closeDatabase,
  createDatabase,
  type Database,
  listApiTokens,
  revokeApiToken,
  UserExistsError,
} from "@parallax/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import {
  changePassword,
  createAdmin,
  createApiToken,
  signIn,
  signOut,
  viewerOfApiToken,
  viewerOfSession,
} from "./accounts";
import { sha256 } from "./secrets";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 2 });
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

const stored = async (table: string) => (await db.$client.query(`select * from ${table}`)).rows;

describe("accounts and sessions", () => {
  it("creates an administrator once, and stores only a hash of the password", async () => {
    const user = await createAdmin(db, " Editor ", "first password");
    expect(user.username).toBe("editor");
    await expect(createAdmin(db, "editor", "another password")).rejects.toBeInstanceOf(UserExistsError);
    await expect(createAdmin(db, "x", "short")).rejects.toThrow(/at least 8 characters/);
    await expect(createAdmin(db, "no spaces please", "long enough")).rejects.toThrow(/user name/);
    const [row] = await stored("users");
    expect(JSON.stringify(row)).not.toContain("first password");
    expect(row.password_hash).toMatch(/^scrypt\$/);
  });

  it("signs in with the right password only, and the session names its user", async () => {
    expect(await signIn(db, "editor", "wrong password")).toBeNull();
    expect(await signIn(db, "nobody", "first password")).toBeNull();
    const session = await signIn(db, "EDITOR", "first password");
    expect(session).toMatchObject({ username: "editor" });
    expect(session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);
    expect(await viewerOfSession(db, session!.token)).toMatchObject({ kind: "user", username: "editor" });
    // Only the token's hash is kept.
    const rows = await stored("sessions");
    expect(rows.map((r) => r.token_hash)).toContain(sha256(session!.token));
    expect(JSON.stringify(rows)).not.toContain(session!.token);
    // One character changed (never to the one it already is: 1 token in 64 ends in "A").
    const tampered = `${session!.token.slice(0, -1)}${session!.token.endsWith("A") ? "B" : "A"}`;
    expect(await viewerOfSession(db, tampered)).toBeNull();
    expect(await viewerOfSession(db, "not a token")).toBeNull();
  });

  it("slides a session's expiry on use, ends it when expired, and on sign-out", async () => {
    const session = (await signIn(db, "editor", "first password"))!;
    const hash = sha256(session.token);
    await db.$client.query(
      "update sessions set last_seen_at = now() - interval '2 days', expires_at = now() + interval '1 hour' where token_hash = $1",
      [hash],
    );
    expect(await viewerOfSession(db, session.token)).toMatchObject({ kind: "user" });
    const [slid] = (await db.$client.query("select expires_at from sessions where token_hash = $1", [hash]))
      .rows;
    expect(new Date(slid.expires_at).getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);

    await db.$client.query(
      "update sessions set expires_at = now() - interval '1 second' where token_hash = $1",
      [hash],
    );
    expect(await viewerOfSession(db, session.token)).toBeNull();

    // However much it is used, a session ends 90 days after sign-in.
    const old = (await signIn(db, "editor", "first password"))!;
    await db.$client.query(
      "update sessions set created_at = now() - interval '91 days' where token_hash = $1",
      [sha256(old.token)],
    );
    expect(await viewerOfSession(db, old.token)).toBeNull();

    const other = (await signIn(db, "editor", "first password"))!;
    expect(await signOut(db, other.token)).toBe(true);
    expect(await viewerOfSession(db, other.token)).toBeNull();
    expect(await signOut(db, other.token)).toBe(false);
  });

  it("changing the password ends every session of the user and the old password stops working", async () => {
    const session = (await signIn(db, "editor", "first password"))!;
    expect(await changePassword(db, "editor", "second password")).toBe(true);
    expect(await viewerOfSession(db, session.token)).toBeNull();
    expect(await signIn(db, "editor", "first password")).toBeNull();
    expect(await signIn(db, "editor", "second password")).not.toBeNull();
    expect(await changePassword(db, "nobody", "second password")).toBe(false);
  });
});

describe("API tokens", () => {
  it("are shown once, stored as a hash with a visible prefix, record their last use and can be revoked", async () => {
    const { token, record } = await createApiToken(db, {
      name: "import script",
      scope: "submit",
      createdBy: null,
    });
    expect(token).toMatch(/^pxt_[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({
      name: "import script",
      scope: "submit",
      prefix: token.slice(0, 12),
      lastUsedAt: null,
    });
    expect(JSON.stringify(await stored("api_tokens"))).not.toContain(token);

    expect(await viewerOfApiToken(db, token)).toMatchObject({
      kind: "token",
      scope: "submit",
      prefix: record.prefix,
    });
    const [listed] = await listApiTokens(db);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);

    expect(await viewerOfApiToken(db, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await viewerOfApiToken(db, "Bearer nonsense")).toBeNull();
    expect(await revokeApiToken(db, record.id)).toBe(true);
    expect(await revokeApiToken(db, record.id)).toBe(false);
    expect(await viewerOfApiToken(db, token)).toBeNull();
    expect((await listApiTokens(db))[0]?.revokedAt).toBeInstanceOf(Date);
  });

  it("validates name and scope", async () => {
    await expect(createApiToken(db, { name: " ", scope: "admin", createdBy: null })).rejects.toThrow(
      /name the token/,
    );
    await expect(
      createApiToken(db, { name: "x", scope: "root" as never, createdBy: null }),
    ).rejects.toThrow();
  });
});
