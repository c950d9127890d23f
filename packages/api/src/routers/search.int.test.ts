import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { createCaller } from "../root";
import type { Context } from "../trpc";

let db: Database;
let drop: () => Promise<void>;
let api: ReturnType<typeof createCaller>;

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 2 });
  // Search only reads the database; the queue is never touched.
  api = createCaller({ db, ingestQueue: null as unknown as Context["ingestQueue"], log: () => {} });
  const { rows } = await db.$client.query<{ id: string }>(
    `insert into articles (title, status, language, published_at)
     values ('Takaichi visits Washington', 'ready', 'en', '2026-03-12T00:00:00Z') returning id::text`,
  );
  await db.$client.query(
    "insert into paragraphs (article_id, n, kind, text) values ($1, 1, 'paragraph', 'Prime Minister Takaichi met the president.')",
    [rows[0]!.id],
  );
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

describe("search.query", () => {
  it("returns hits, facets and the time taken", async () => {
    const result = await api.search.query({ q: "Takaichi" });
    expect(result.total).toBe(1);
    expect(result.hits[0]!.snippets[0]!.n).toBe(1);
    expect(result.facets.languages).toEqual([{ value: "en", label: "en", count: 1 }]);
    expect(result.pageSize).toBe(20);
  });

  it("refuses bad input with BAD_REQUEST, not a server error", async () => {
    expect(await codeOf(api.search.query({ q: "a", page: 0 }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.search.query({ q: "a", page: 10_000 }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.search.query({ q: "a", country: "Japan" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.search.query({ q: "a", from: "2026-02-30" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.search.query({ q: "a", sourceId: "' or 1=1 --" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.search.query({ q: "x".repeat(5000) }))).toBe("BAD_REQUEST");
  });

  it("answers an empty query with an empty result", async () => {
    expect((await api.search.query({ q: "   " })).hits).toEqual([]);
  });
});
