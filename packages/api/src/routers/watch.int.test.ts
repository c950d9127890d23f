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
    (error: unknown) =>
      error instanceof TRPCError
        ? { code: error.code, message: error.message, issues: (error.cause as { issues?: unknown })?.issues }
        : error,
  );

describe("watch router", () => {
  it("creates, lists, reveals the secret of and removes watches", async () => {
    const created = await api.watch.create({
      kind: "outlet",
      value: "https://www.Nikkei.com/",
      label: "Nikkei",
      webhookUrl: "https://hooks.example/parallax",
    });
    expect(created.watch).toMatchObject({
      kind: "outlet",
      value: "nikkei.com",
      label: "Nikkei",
      alertCount: 0,
    });
    expect(created.secret).toMatch(/^[0-9a-f]{64}$/);
    expect((await api.watch.list()).items.map((w) => w.id)).toEqual([created.watch.id]);
    expect(await api.watch.secret({ id: created.watch.id })).toEqual({ secret: created.secret });
    expect(
      await failure(
        api.watch.create({
          kind: "outlet",
          value: "nikkei.com",
          webhookUrl: "https://hooks.example/parallax",
        }),
      ),
    ).toMatchObject({ code: "CONFLICT" });
    expect(await api.watch.alerts({ watchId: created.watch.id })).toMatchObject({ items: [], total: 0 });
    expect(await api.watch.remove({ id: created.watch.id })).toEqual({ removed: true });
    expect(await failure(api.watch.remove({ id: created.watch.id }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers bad input with a message naming the problem", async () => {
    expect(await failure(api.watch.create({ kind: "entity", value: "Shigeru Ishiba" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: /not an entity slug/,
    });
    expect(
      await failure(api.watch.create({ kind: "query", value: "tariffs", webhookUrl: "ftp://x.example/" })),
    ).toMatchObject({ code: "BAD_REQUEST", message: /http:\/\/ or https:\/\// });
    expect(await failure(api.watch.create({ kind: "person" as never, value: "x" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: /entity, query or outlet/,
    });
    expect(await failure(api.watch.markRead({ ids: ["nope"] }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failure(api.watch.alerts({ watchId: crypto.randomUUID() }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await api.watch.markRead({ all: true })).toEqual({ marked: 0 });
  });
});
