import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { closeDatabase, createDatabase, type Database } from "../client";
import { articles, events, paragraphs, termStats } from "../schema/index";
import { insertRows } from "./bulk";

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

async function newArticle(): Promise<string> {
  const [row] = await db.insert(articles).values({ status: "ready" }).returning({ id: articles.id });
  return row!.id;
}

describe("insertRows", () => {
  it("stores every column type as drizzle's own insert does: text, integers, text arrays, jsonb, dates", async () => {
    const articleId = await newArticle();
    const row = {
      articleId,
      paragraph: 2,
      start: 5,
      end: 17,
      date: "2026-11-03",
      precision: "day",
      firstDay: "2026-11-03",
      lastDay: "2026-11-03",
      phrase: "on 3 November",
      sentence: 'The vote is on 3 November, "officials" said.',
      actors: ["Sanae Takaichi", "Xi Jinping"],
      expected: true,
    };
    await insertRows(db, events, [row]);
    const [stored] = await db.select().from(events).where(eq(events.articleId, articleId));
    expect(stored).toMatchObject(row);
  });

  it("keeps the rows' order, refuses a key that is no column, and applies the conflict clause", async () => {
    const articleId = await newArticle();
    const texts = Array.from({ length: 1200 }, (_, n) => `paragraph ${n} 'quoted' \\ back\\slash "and" ✓`);
    await insertRows(
      db,
      paragraphs,
      texts.map((text, n) => ({ articleId, n: n + 1, kind: "paragraph", text })),
      { chunk: 500 },
    );
    const stored = await db
      .select({ n: paragraphs.n, text: paragraphs.text })
      .from(paragraphs)
      .where(eq(paragraphs.articleId, articleId))
      .orderBy(asc(paragraphs.n));
    expect(stored.map((p) => p.text)).toEqual(texts);

    await expect(insertRows(db, paragraphs, [{ articleId, nope: 1 } as never])).rejects.toThrow(
      'paragraphs has no column for "nope"',
    );

    const term = `term-${articleId}`;
    const upsert = { onConflict: sql`on conflict (term) do update set documents = term_stats.documents + 1` };
    await insertRows(db, termStats, [{ term, documents: 1 }], upsert);
    await insertRows(db, termStats, [{ term, documents: 1 }], upsert);
    const [counted] = await db.select().from(termStats).where(eq(termStats.term, term));
    expect(counted?.documents).toBe(2);
  });

  it("stores text with a lone surrogate as a parameter would (U+FFFD), not failing the statement", async () => {
    const articleId = await newArticle();
    await insertRows(db, paragraphs, [{ articleId, n: 1, kind: "paragraph", text: "broken \ud800 pair" }]);
    const [stored] = await db.select().from(paragraphs).where(eq(paragraphs.articleId, articleId));
    expect(stored?.text).toBe("broken \ufffd pair");
  });

  it("does nothing for no rows", async () => {
    await expect(insertRows(db, paragraphs, [])).resolves.toBeUndefined();
  });
});
