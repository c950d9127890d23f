import { closeDatabase, createDatabase } from "@parallax/db";
import { createRedis, createStageQueues, type RedisConnection, type StageQueues } from "@parallax/queue";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../../tooling/vitest/services";
import type { AccessPolicy, Viewer } from "./auth/viewer";
import { appRouter, createCaller } from "./root";
import type { Context } from "./trpc";

// Every procedure of the app router, found by walking the router rather than listed by hand: a procedure added
// later is checked without anyone remembering to add it here, and fails unless it is protected.

/** Mutations anyone may call (subject to SUBMIT_ACCESS). Everything else that changes state is admin-only. */
const SUBMIT_MUTATIONS = new Set(["article.submit"]);
/** Queries only an administrator may make, whatever PUBLIC_READ says (secrets, tokens, reprocessing reports). */
const ADMIN_QUERIES = new Set(["admin.tokens", "admin.reprocessReport", "watch.secret"]);

// At run time `_def.procedures` is flat, keyed by the dotted path ("jobs.retry"); its declared type is nested.
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
).map(([path, procedure]) => ({ path, type: procedure._def.type }));
const mutations = procedures.filter((p) => p.type === "mutation").map((p) => p.path);
const queries = procedures.filter((p) => p.type === "query").map((p) => p.path);

const anonymous: Viewer = { kind: "anonymous" };
const admin: Viewer = {
  kind: "user",
  userId: crypto.randomUUID(),
  username: "admin",
  sessionId: crypto.randomUUID(),
};
const adminToken: Viewer = {
  kind: "token",
  tokenId: crypto.randomUUID(),
  name: "ci",
  prefix: "pxt_abcdefgh",
  scope: "admin",
};
const submitToken: Viewer = { ...adminToken, scope: "submit" };
const local: Viewer = { kind: "local" };

const services = testServices();
const db = createDatabase(services.databaseUrl, { max: 2 });
let redis: RedisConnection;
let queues: StageQueues;

beforeAll(() => {
  redis = createRedis(services.redisUrl, "producer");
  queues = createStageQueues({ connection: redis, prefix: services.prefix });
});

afterAll(async () => {
  await Promise.all(Object.values(queues ?? {}).map((queue) => queue.close()));
  redis?.disconnect();
  await closeDatabase(db);
});

/**
 * Calls `path` as `viewer` and answers the error code, or "ok". The input is deliberately invalid: a caller past
 * the access check is then stopped by input validation (BAD_REQUEST) before anything is changed, while a refused
 * caller is refused first, because the access middleware runs before the input parser.
 */
async function outcome(path: string, viewer: Viewer, access: AccessPolicy): Promise<string> {
  const context: Context = { db, ingestQueue: queues.ingest as never, queues, log: () => {}, viewer, access };
  let target: unknown = createCaller(context);
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    await (target as (input: unknown) => Promise<unknown>)(Symbol("not an input"));
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `unexpected ${String(error)}`;
  }
}

const refusals = new Set(["UNAUTHORIZED", "FORBIDDEN"]);
const open: AccessPolicy = { publicRead: true, submit: "open" };
const closed: AccessPolicy = { publicRead: false, submit: "token" };

describe("access to every procedure of the app router", () => {
  it("finds the procedures, and the allow-lists name only procedures that exist", () => {
    expect(mutations.length).toBeGreaterThanOrEqual(15);
    expect(queries.length).toBeGreaterThanOrEqual(30);
    for (const path of SUBMIT_MUTATIONS) expect(mutations).toContain(path);
    for (const path of ADMIN_QUERIES) expect(queries).toContain(path);
  });

  it("refuses every mutation but submitting to anonymous callers (UNAUTHORIZED) and submit tokens (FORBIDDEN)", async () => {
    for (const path of mutations.filter((p) => !SUBMIT_MUTATIONS.has(p))) {
      expect({ path, code: await outcome(path, anonymous, open) }).toEqual({ path, code: "UNAUTHORIZED" });
      expect({ path, code: await outcome(path, submitToken, open) }).toEqual({ path, code: "FORBIDDEN" });
      for (const viewer of [admin, adminToken, local]) {
        const code = await outcome(path, viewer, closed);
        expect(refusals.has(code), `${path} as ${viewer.kind}: ${code}`).toBe(false);
      }
    }
  });

  it("lets anyone submit when SUBMIT_ACCESS=open, and only administrators and tokens when it is token", async () => {
    for (const path of SUBMIT_MUTATIONS) {
      expect(refusals.has(await outcome(path, anonymous, open)), path).toBe(false);
      expect(await outcome(path, anonymous, { ...open, submit: "token" })).toBe("UNAUTHORIZED");
      for (const viewer of [submitToken, adminToken, admin, local]) {
        const code = await outcome(path, viewer, closed);
        expect(refusals.has(code), `${path} as ${viewer.kind}: ${code}`).toBe(false);
      }
    }
  });

  it("answers reads to anyone by default and only to signed-in callers and tokens with PUBLIC_READ=false", async () => {
    for (const path of queries.filter((p) => !ADMIN_QUERIES.has(p))) {
      expect(refusals.has(await outcome(path, anonymous, open)), `${path} anonymous`).toBe(false);
      expect({ path, code: await outcome(path, anonymous, closed) }).toEqual({ path, code: "UNAUTHORIZED" });
      for (const viewer of [submitToken, adminToken, admin]) {
        const code = await outcome(path, viewer, closed);
        expect(refusals.has(code), `${path} as ${viewer.kind}: ${code}`).toBe(false);
      }
    }
  });

  it("keeps admin-only reads from anonymous callers and submit tokens even when reading is public", async () => {
    for (const path of ADMIN_QUERIES) {
      expect(await outcome(path, anonymous, open)).toBe("UNAUTHORIZED");
      expect(await outcome(path, submitToken, open)).toBe("FORBIDDEN");
      expect(refusals.has(await outcome(path, admin, open)), path).toBe(false);
    }
  });

  it("treats a context without a viewer as anonymous", async () => {
    const api = createCaller({ db, ingestQueue: queues.ingest as never, log: () => {} });
    await expect(api.jobs.retry({ stage: "ingest", id: "1" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
