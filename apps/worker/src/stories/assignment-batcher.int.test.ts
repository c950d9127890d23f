import {
  assignArticlesToStories,
  closeDatabase,
  createDatabase,
  type Database,
  StoryError,
} from "@parallax/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { insertArticle, newswcl } from "../../../../packages/db/src/__fixtures__/stories";
import { AssignmentBatcher } from "./assignment-batcher";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 4 });
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

describe("AssignmentBatcher", () => {
  it("assigns the jobs that arrive together in one batch, and later ones in the next", async () => {
    const ids: string[] = [];
    for (const doc of newswcl().slice(0, 12)) ids.push(await insertArticle(db, doc));
    const batches: number[] = [];
    const batcher = new AssignmentBatcher(db, 8, (database, inputs) => {
      batches.push(inputs.length);
      return assignArticlesToStories(database, inputs);
    });
    const missing = crypto.randomUUID();
    const results = await Promise.all([...ids.slice(0, 10), missing].map((id) => batcher.assign(id)));
    // Eleven at once, at most eight a batch.
    expect(batches).toEqual([8, 3]);
    expect(results.slice(0, 10).every((r) => !(r instanceof StoryError) && r.outcome === "assigned")).toBe(
      true,
    );
    expect(results[10]).toBeInstanceOf(StoryError);
    const late = await batcher.assign(ids[10]!);
    expect(batches).toEqual([8, 3, 1]);
    expect(late).not.toBeInstanceOf(StoryError);
    const placed = await db.$client.query<{ n: number }>("select count(*)::int as n from article_stories");
    expect(placed.rows[0]!.n).toBe(11);
  });

  it("fails every job of a failed batch with its error, and goes on with the next batch", async () => {
    const id = await insertArticle(db, newswcl()[20]!);
    let fail = true;
    const batcher = new AssignmentBatcher(db, 8, async (database, inputs) => {
      if (fail) throw new Error("connection lost");
      return assignArticlesToStories(database, inputs);
    });
    const failed = await Promise.allSettled([batcher.assign(id), batcher.assign(id)]);
    expect(failed.map((r) => (r.status === "rejected" ? (r.reason as Error).message : r.status))).toEqual([
      "connection lost",
      "connection lost",
    ]);
    fail = false;
    await expect(batcher.assign(id)).resolves.toMatchObject({ articleId: id, outcome: "assigned" });
  });
});
