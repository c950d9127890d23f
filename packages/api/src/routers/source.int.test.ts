import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { createCaller } from "../root";

let db: Database;
let drop: () => Promise<void>;
let api: ReturnType<typeof createCaller>;

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 2 });
  api = createCaller({ db, ingestQueue: undefined as never, log: () => {}, viewer: { kind: "local" } });
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof TRPCError ? { code: error.code, message: error.message } : error),
  );

describe("source router", () => {
  it("lists outlets and saves an administrator's settings", async () => {
    const { rows } = await db.$client.query<{ id: string }>(
      "insert into sources (name, domain) values ('Caixin', 'caixinglobal.com') returning id::text",
    );
    const id = rows[0]?.id ?? "";
    expect((await api.source.list()).items).toMatchObject([
      { id, name: "Caixin", country: null, articleCount: 0 },
    ]);

    const saved = await api.source.update({
      id,
      country: "cn",
      perspective: "Chinese business press",
      opinionSections: ["/opinion/"],
    });
    expect(saved).toMatchObject({ country: "CN", countrySource: "admin", opinionSections: ["/opinion/"] });
    expect((await api.source.list({ page: 1 })).items[0]?.perspective).toBe("Chinese business press");
  });

  it("answers bad settings with BAD_REQUEST and an unknown source with NOT_FOUND", async () => {
    const base = { id: crypto.randomUUID(), country: null, perspective: null, opinionSections: [] };
    expect(await failure(api.source.update({ ...base, country: "Japan" }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await failure(api.source.update({ ...base, perspective: "p".repeat(81) }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await failure(api.source.update(base))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(api.source.list({ page: 0 }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
