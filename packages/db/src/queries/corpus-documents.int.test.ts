import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { closeDatabase, createDatabase, type Database } from "../client";
import { articleEnrichment, articles, corpusDocumentCounts } from "../schema/index";
import { corpusTermStats } from "./enrichment";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  // Several connections: each writes its own shard of the count.
  db = createDatabase(database.url, { max: 4 });
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

async function newArticles(n: number): Promise<string[]> {
  const rows = await db
    .insert(articles)
    .values(Array.from({ length: n }, () => ({ status: "ready" as const })))
    .returning({ id: articles.id });
  return rows.map((r) => r.id);
}

const enrichment = (articleId: string) => ({ articleId, version: 1, outputHash: `hash of ${articleId}` });

async function counted() {
  const [kept] = await db
    .select({ n: sql<number>`sum(${corpusDocumentCounts.documents})::int` })
    .from(corpusDocumentCounts);
  const [actual] = await db.select({ n: sql<number>`count(*)::int` }).from(articleEnrichment);
  return { kept: kept?.n, actual: actual?.n, read: (await corpusTermStats(db, [])).documents };
}

describe("the corpus's document count (triggers on article_enrichment)", () => {
  it("follows inserts, upserts, deletes through article deletion, and truncation, from concurrent connections", async () => {
    expect(await counted()).toEqual({ kept: 0, actual: 0, read: 0 });

    const ids = await newArticles(40);
    // One statement of many rows, and many statements at once on different connections.
    await db.insert(articleEnrichment).values(ids.slice(0, 10).map(enrichment));
    await Promise.all(ids.slice(10).map((id) => db.insert(articleEnrichment).values(enrichment(id))));
    expect(await counted()).toEqual({ kept: 40, actual: 40, read: 40 });

    // Rewriting an article's enrichment (as a re-enrichment does) adds no document.
    await db
      .insert(articleEnrichment)
      .values(ids.slice(0, 5).map((id) => ({ ...enrichment(id), version: 2 })))
      .onConflictDoUpdate({ target: articleEnrichment.articleId, set: { version: 2 } });
    expect(await counted()).toEqual({ kept: 40, actual: 40, read: 40 });

    // Deleting articles removes their enrichments by cascade, and the count with them.
    await db.delete(articles).where(inArray(articles.id, ids.slice(0, 7)));
    expect(await counted()).toEqual({ kept: 33, actual: 33, read: 33 });

    // A rolled-back write leaves the count as it was.
    const [extra] = await newArticles(1);
    await db
      .transaction(async (tx) => {
        await tx.insert(articleEnrichment).values(enrichment(extra!));
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await counted()).toEqual({ kept: 33, actual: 33, read: 33 });

    await db.execute(sql`truncate article_enrichment`);
    expect(await counted()).toEqual({ kept: 0, actual: 0, read: 0 });
  });
});
