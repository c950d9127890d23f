import { createHash } from "node:crypto";
import type { NormalizedArticle } from "@parallax/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { closeDatabase, createDatabase, type Database } from "../client";
import { storeNormalizedArticle } from "./pipeline";
import { fillSearchText, SearchTooBroadError, searchArticles } from "./search";

let db: Database;
let drop: () => Promise<void>;

interface Doc {
  title: string;
  paragraphs: string[];
  url: string;
  siteName: string;
  language: string;
  publishedAt: string;
}

async function store(doc: Doc): Promise<string> {
  const [row] = (
    await db.execute(
      sql`insert into articles (url, status) values (${doc.url}, 'processing') returning id::text`,
    )
  ).rows as Array<{ id: string }>;
  const text = doc.paragraphs.join("\n");
  const article: NormalizedArticle = {
    title: doc.title,
    titleSource: "explicit",
    byline: null,
    authors: [],
    publishedAt: doc.publishedAt,
    modifiedAt: null,
    siteName: doc.siteName,
    language: doc.language,
    url: doc.url,
    canonicalUrl: doc.url,
    genre: "news",
    section: null,
    description: null,
    imageUrl: null,
    tags: [],
    paragraphs: doc.paragraphs.map((p, i) => ({ n: i + 1, kind: "paragraph" as const, text: p })),
    captions: [],
    digest: null,
    contentHash: createHash("sha256").update(text).digest("hex"),
    duplicateOf: null,
  };
  await storeNormalizedArticle(db, row!.id, article);
  return row!.id;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 4 });
  ids.titled = await store({
    title: "Takaichi elected prime minister",
    paragraphs: [
      "Sanae Takaichi won the leadership vote on Saturday and will lead the governing party.",
      "Her rivals conceded after the second round.",
    ],
    url: "https://www.japantimes.co.jp/news/takaichi-elected",
    siteName: "The Japan Times",
    language: "en",
    publishedAt: "2025-10-04T09:00:00Z",
  });
  ids.body = await store({
    title: "Markets rally in Tokyo",
    paragraphs: [
      "Stocks rose sharply as investors weighed new tariffs on steel imports.",
      "Analysts said the election of Takaichi was expected to bring more fiscal stimulus.",
    ],
    url: "https://www.reuters.com/markets/tokyo-rally",
    siteName: "Reuters",
    language: "en",
    publishedAt: "2025-10-06T09:00:00Z",
  });
  ids.japanese = await store({
    title: "高市早苗氏が自民党総裁に選出",
    paragraphs: ["自民党の総裁選挙で高市早苗氏が選ばれた。", "東京の党本部で記者会見が開かれた。"],
    url: "https://www3.nhk.or.jp/news/html/takaichi.html",
    siteName: "NHK",
    language: "ja",
    publishedAt: "2025-10-04T12:00:00Z",
  });
  ids.china = await store({
    title: "Beijing responds to steel tariff",
    paragraphs: ["China said the tariff on steel would hurt trade between the two countries."],
    url: "https://www.scmp.com/news/china/steel-tariff",
    siteName: "South China Morning Post",
    language: "en",
    publishedAt: "2025-11-01T09:00:00Z",
  });
  await db.execute(sql`update sources set country = 'JP' where domain in ('japantimes.co.jp', 'nhk.or.jp')`);
  await db.execute(sql`update sources set country = 'HK' where domain = 'scmp.com'`);
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

describe("searchArticles", () => {
  it("finds a name and ranks the title match above a body match", async () => {
    const result = await searchArticles(db, { q: "Takaichi" });
    expect(result.hits.map((h) => h.articleId)).toEqual([ids.titled, ids.body]);
    expect(result.total).toBe(2);
    const [first, second] = result.hits;
    expect(first!.title?.find((p) => p.mark)?.text).toBe("Takaichi");
    expect(second!.snippets[0]!.n).toBe(2);
    expect(second!.snippets[0]!.parts.some((p) => p.mark && p.text === "Takaichi")).toBe(true);
    expect(result.tookMs).toBeGreaterThan(0);
  });

  it("finds an inflected form through English stemming", async () => {
    const result = await searchArticles(db, { q: "tariffs" });
    expect(new Set(result.hits.map((h) => h.articleId))).toEqual(new Set([ids.body, ids.china]));
  });

  it("finds a Japanese article by a Japanese word inside a sentence", async () => {
    const result = await searchArticles(db, { q: "記者会見" });
    expect(result.hits.map((h) => h.articleId)).toEqual([ids.japanese]);
    const snippet = result.hits[0]!.snippets[0]!;
    expect(snippet.n).toBe(2);
    // The spaces the index put between words are not shown to the reader.
    expect(snippet.parts.map((p) => p.text).join("")).toContain("東京の党本部で");
    const title = await searchArticles(db, { q: "総裁" });
    expect(title.hits.map((h) => h.articleId)).toEqual([ids.japanese]);
  });

  it("honours phrases, OR and exclusion", async () => {
    const phrase = await searchArticles(db, { q: '"steel imports"' });
    expect(phrase.hits.map((h) => h.articleId)).toEqual([ids.body]);
    const excluded = await searchArticles(db, { q: "steel -china" });
    expect(excluded.hits.map((h) => h.articleId)).toEqual([ids.body]);
    const either = await searchArticles(db, { q: "rivals OR beijing" });
    expect(new Set(either.hits.map((h) => h.articleId))).toEqual(new Set([ids.titled, ids.china]));
  });

  it("counts facets and filters by outlet, country, language and date range", async () => {
    const all = await searchArticles(db, { q: "steel OR Takaichi OR 高市" });
    expect(all.total).toBe(4);
    expect(all.facets.countries).toEqual(
      expect.arrayContaining([
        { value: "JP", label: "JP", count: 2 },
        { value: "HK", label: "HK", count: 1 },
      ]),
    );
    expect(all.facets.languages).toEqual([
      { value: "en", label: "en", count: 3 },
      { value: "ja", label: "ja", count: 1 },
    ]);
    const reuters = all.facets.outlets.find((o) => o.label === "Reuters")!;
    expect((await searchArticles(db, { q: "steel OR Takaichi", sourceId: reuters.value })).hits).toHaveLength(
      1,
    );
    expect((await searchArticles(db, { q: "steel OR Takaichi OR 高市", country: "JP" })).total).toBe(2);
    expect((await searchArticles(db, { q: "steel OR Takaichi OR 高市", language: "ja" })).total).toBe(1);
    const october = await searchArticles(db, {
      q: "steel OR Takaichi",
      from: "2025-10-05",
      to: "2025-10-31",
    });
    expect(october.hits.map((h) => h.articleId)).toEqual([ids.body]);
  });

  it("counts stories, names each by its first article and filters by story", async () => {
    const [story] = (
      await db.execute(sql`insert into stories (size, terms, norm, norm_documents)
        values (2, '[]'::jsonb, 0, 0) returning id::text`)
    ).rows as Array<{ id: string }>;
    await db.execute(sql`insert into article_stories (article_id, story_id)
      values (${ids.titled}::uuid, ${story!.id}::uuid), (${ids.body}::uuid, ${story!.id}::uuid)`);
    const all = await searchArticles(db, { q: "Takaichi OR steel" });
    expect(all.facets.stories).toEqual([
      { value: story!.id, label: "Takaichi elected prime minister", count: 2 },
    ]);
    const inStory = await searchArticles(db, { q: "steel", storyId: story!.id });
    expect(inStory.hits.map((h) => h.articleId)).toEqual([ids.body]);
  });

  it("pages through results 20 at a time", async () => {
    for (let i = 0; i < 23; i++) {
      await store({
        title: `Quarterly report number ${i}`,
        paragraphs: [`The harbour authority published quarterly figure ${i} with ${i * 7} ships.`],
        url: `https://example.org/harbour/${i}`,
        siteName: "Harbour News",
        language: "en",
        publishedAt: `2025-09-${String(i + 1).padStart(2, "0")}T00:00:00Z`,
      });
    }
    const first = await searchArticles(db, { q: "harbour" });
    const second = await searchArticles(db, { q: "harbour", page: 2 });
    expect(first.total).toBe(23);
    expect(first.pageCount).toBe(2);
    expect(first.hits).toHaveLength(20);
    expect(second.hits).toHaveLength(3);
    const seen = new Set([...first.hits, ...second.hits].map((h) => h.articleId));
    expect(seen.size).toBe(23);
    expect((await searchArticles(db, { q: "harbour", page: 9 })).hits).toEqual([]);
  });

  it("answers empty, negative-only, operator-only and hostile queries with no hits", async () => {
    for (const q of ["", "   ", "-china", "OR", "!!!", "'\":*&|()<->", "x".repeat(5000), "\u0000\uE000"]) {
      const result = await searchArticles(db, { q });
      expect(result.hits, q.slice(0, 20)).toEqual([]);
      expect(result.total).toBe(0);
    }
  });

  it("reports a search that runs out of time as too broad", async () => {
    const [row] = (
      await db.execute(
        sql`insert into articles (title, status) values ('Filler', 'ready') returning id::text`,
      )
    ).rows as Array<{ id: string }>;
    await db.execute(sql`insert into paragraphs (article_id, n, kind, text)
      select ${row!.id}::uuid, n, 'paragraph', 'the filler paragraph number ' || n || ' of the test corpus'
      from generate_series(1, 30000) n`);
    await expect(searchArticles(db, { q: "filler OR the", timeoutMs: 1 })).rejects.toBeInstanceOf(
      SearchTooBroadError,
    );
    expect((await searchArticles(db, { q: "filler" })).total).toBe(1);
    await db.execute(sql`delete from articles where id = ${row!.id}::uuid`);
  });

  it("matches entity names, CJK names by substring", async () => {
    await db.execute(sql`insert into entities (slug, name, type) values
      ('sanae-takaichi', 'Sanae Takaichi', 'person'), ('takaichi-ja', '高市早苗', 'person')`);
    expect((await searchArticles(db, { q: "takaichi" })).entities.map((e) => e.slug)).toContain(
      "sanae-takaichi",
    );
    expect((await searchArticles(db, { q: "高市" })).entities.map((e) => e.slug)).toContain("takaichi-ja");
  });

  it("segments CJK rows stored without search text", async () => {
    const [row] = (
      await db.execute(
        sql`insert into articles (title, status) values ('大阪の天気', 'ready') returning id::text`,
      )
    ).rows as Array<{ id: string }>;
    await db.execute(
      sql`insert into paragraphs (article_id, n, kind, text) values (${row!.id}, 1, 'paragraph', '大阪で大雨警報が出された。')`,
    );
    expect((await searchArticles(db, { q: "大雨警報" })).total).toBe(0);
    expect(await fillSearchText(db)).toBe(2);
    expect((await searchArticles(db, { q: "大雨警報" })).hits.map((h) => h.articleId)).toEqual([row!.id]);
    expect(await fillSearchText(db)).toBe(0);
  });
});
