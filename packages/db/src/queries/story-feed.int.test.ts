import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { closeDatabase, createDatabase, type Database } from "../client";
import { StoryError } from "./stories";
import { getCitedParagraph, listStoryCards, storyFilterOptions } from "./story-feed";

let db: Database;
let drop: () => Promise<void>;

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db.execute(query)).rows[0] as T;
}

async function source(name: string, domain: string | null, country: string | null, language: string | null) {
  return (
    await one<{ id: string }>(
      sql`insert into sources (name, domain, country, language) values (${name}, ${domain}, ${country}, ${language})
          returning id::text`,
    )
  ).id;
}

async function story(updatedAt: string): Promise<string> {
  return (
    await one<{ id: string }>(
      sql`insert into stories (size, terms, norm, norm_documents, updated_at)
          values (1, '[]'::jsonb, 1, 1, ${updatedAt}::timestamptz) returning id::text`,
    )
  ).id;
}

async function article(
  storyId: string,
  a: {
    title: string;
    sourceId: string | null;
    publishedAt: string | null;
    genre?: string;
    language?: string;
  },
  assignedAt = "2026-01-01T00:00:00Z",
): Promise<string> {
  const { id } = await one<{ id: string }>(
    sql`insert into articles (title, status, published_at, genre, language, source_id, created_at)
        values (${a.title}, 'ready', ${a.publishedAt}::timestamptz, ${a.genre ?? null}, ${a.language ?? null},
                ${a.sourceId}::uuid, '2026-01-01T00:00:00Z') returning id::text`,
  );
  await db.execute(
    sql`insert into article_stories (article_id, story_id, assigned_at) values (${id}::uuid, ${storyId}::uuid, ${assignedAt}::timestamptz)`,
  );
  return id;
}

const cite = (articleId: string, paragraph: number) => ({ articleId, source: "Caixin", paragraph });
const point = (n: number, text: string, articleId: string) => ({
  n,
  sentences: [{ text, citations: [cite(articleId, n)] }],
  articleIds: [articleId],
  genre: "news",
  attributedTo: null,
});

let caixin = "";
let nippon = "";
let briefed = "";
let plain = "";
let older = "";
let caixinArticle = "";

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 2 });

  caixin = await source("Caixin", "caixinglobal.com", "CN", "en");
  nippon = await source("nippon.com", "nippon.com", null, "ja");

  briefed = await story("2026-03-01T00:00:00Z");
  caixinArticle = await article(briefed, {
    title: "Caixin on the summit",
    sourceId: caixin,
    publishedAt: "2026-02-27T08:00:00Z",
    genre: "news",
  });
  await article(briefed, {
    title: "Nippon's view",
    sourceId: nippon,
    publishedAt: "2026-02-28T08:00:00Z",
    genre: "opinion",
  });
  await article(briefed, { title: "Unsourced", sourceId: null, publishedAt: null });
  await db.execute(sql`insert into article_entities (article_id, slug, name, type, aliases, mentions)
    values (${caixinArticle}::uuid, 'takaichi-sanae', 'Takaichi Sanae', 'person', '[]'::jsonb, 3)`);
  const content = {
    headline: { text: "Leaders meet <b>in Tokyo</b>", citations: [cite(caixinArticle, 1)] },
    keyPoints: [
      point(1, "First point.", caixinArticle),
      { broken: true },
      point(2, "Second point.", caixinArticle),
      point(3, "Third point.", caixinArticle),
    ],
  };
  // The briefing is newer than the story's last change: it sets the card's update time.
  await db.execute(sql`insert into briefings (scope, subject_id, version, input_hash, content, built_at)
    values ('story', ${briefed}::uuid, 1, 'h1', '{"headline":null,"keyPoints":[]}'::jsonb, '2026-03-01T00:00:00Z'),
           ('story', ${briefed}::uuid, 2, 'h2', ${JSON.stringify(content)}::jsonb, '2026-03-05T00:00:00Z')`);

  plain = await story("2026-03-03T00:00:00Z");
  await article(plain, { title: "Earliest report", sourceId: nippon, publishedAt: "2026-03-02T00:00:00Z" });
  await article(plain, { title: "Later report", sourceId: nippon, publishedAt: "2026-03-03T00:00:00Z" });

  older = await story("2026-01-10T00:00:00Z");
  await article(older, { title: "January news", sourceId: caixin, publishedAt: "2026-01-09T00:00:00Z" });

  // Neither an empty story nor a merged one is listed.
  await story("2026-04-01T00:00:00Z");
  const merged = await story("2026-04-02T00:00:00Z");
  await article(merged, { title: "Merged away", sourceId: caixin, publishedAt: "2026-04-01T00:00:00Z" });
  await db.execute(sql`update stories set merged_into = ${plain}::uuid where id = ${merged}::uuid`);
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

const ids = async (filters: Parameters<typeof listStoryCards>[1]) =>
  (await listStoryCards(db, filters)).cards.map((c) => c.id);

describe("listStoryCards", () => {
  it("lists live stories by last update, briefing first, with headline, two key points and source mix", async () => {
    const { cards, nextCursor } = await listStoryCards(db, { limit: 10 });
    expect(cards.map((c) => c.id)).toEqual([briefed, plain, older]);
    expect(nextCursor).toBeNull();
    const [card] = cards;
    expect(card).toMatchObject({
      headline: { text: "Leaders meet <b>in Tokyo</b>" },
      title: "Caixin on the summit",
      briefingVersion: 2,
      articleCount: 3,
      updatedAt: "2026-03-05T00:00:00.000Z",
      firstPublishedAt: "2026-02-27T08:00:00.000Z",
      lastPublishedAt: "2026-02-28T08:00:00.000Z",
      genres: { news: 1, opinion: 1, analysis: 0, unspecified: 1 },
    });
    // A malformed key point is skipped, not fatal; only two are kept.
    expect(card!.keyPoints.map((p) => p.sentences[0]!.text)).toEqual(["First point.", "Second point."]);
    expect(card!.keyPoints[0]!.sentences[0]!.citations).toEqual([cite(caixinArticle, 1)]);
    expect(card!.outlets.map((o) => [o.name, o.articles])).toEqual([
      ["Caixin", 1],
      ["nippon.com", 1],
      ["Unknown outlet", 1],
    ]);
    expect(card!.countries).toEqual([
      { country: "unknown", articles: 2 },
      { country: "CN", articles: 1 },
    ]);
  });

  it("shows a story without a briefing under its earliest article's title", async () => {
    const { cards } = await listStoryCards(db, { limit: 10 });
    const card = cards.find((c) => c.id === plain)!;
    expect(card).toMatchObject({
      headline: null,
      keyPoints: [],
      title: "Earliest report",
      briefingVersion: null,
    });
    expect(card.outlets).toEqual([{ id: nippon, name: "nippon.com", domain: "nippon.com", articles: 2 }]);
  });

  it("pages with a cursor, without repeats or gaps", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listStoryCards>> = await listStoryCards(db, { limit: 1, cursor });
      seen.push(...page.cards.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([briefed, plain, older]);
  });

  it("filters by outlet (id or domain), country, language, entity and publication dates", async () => {
    expect(await ids({ limit: 10, outlet: caixin })).toEqual([briefed, older]);
    expect(await ids({ limit: 10, outlet: "www.NIPPON.com" })).toEqual([briefed, plain]);
    expect(await ids({ limit: 10, country: "cn" })).toEqual([briefed, older]);
    expect(await ids({ limit: 10, country: "unknown" })).toEqual([briefed, plain]);
    // An article without a language takes its source's.
    expect(await ids({ limit: 10, language: "ja" })).toEqual([briefed, plain]);
    expect(await ids({ limit: 10, entity: "takaichi-sanae" })).toEqual([briefed]);
    expect(await ids({ limit: 10, entity: "nobody" })).toEqual([]);
    expect(await ids({ limit: 10, from: "2026-03-01" })).toEqual([plain]);
    // A bare `to` day covers the whole day.
    expect(await ids({ limit: 10, from: "2026-01-09", to: "2026-01-09" })).toEqual([older]);
    // Filters hold for one and the same article: Caixin published nothing in March.
    expect(await ids({ limit: 10, outlet: "caixinglobal.com", from: "2026-03-01" })).toEqual([]);
  });

  it("refuses bad input with a clear error", async () => {
    const bad = [
      { limit: 0 },
      { limit: 10, cursor: "nope" },
      { limit: 10, cursor: "2026-03-05T00:00:00.000000Z~not-a-uuid-at-all-not-a-uuid-at-all1" },
      { limit: 10, from: "yesterday" },
      { limit: 10, from: "2026-03-02", to: "2026-03-01" },
      { limit: 10, language: "'; drop table stories; --" },
      { limit: 10, outlet: "<script>" },
      { limit: 10, entity: "x".repeat(500) },
    ];
    for (const options of bad)
      await expect(listStoryCards(db, options), JSON.stringify(options)).rejects.toBeInstanceOf(StoryError);
  });
});

describe("storyFilterOptions", () => {
  it("lists the outlets, countries and languages of live stories", async () => {
    const options = await storyFilterOptions(db);
    expect(options.outlets.map((o) => [o.name, o.stories])).toEqual([
      ["Caixin", 2],
      ["nippon.com", 2],
    ]);
    expect(options.countries).toEqual([
      { country: "CN", stories: 2 },
      { country: "unknown", stories: 2 },
    ]);
    expect(options.languages).toEqual([
      { language: "en", stories: 2 },
      { language: "ja", stories: 2 },
    ]);
  });
});

describe("getCitedParagraph", () => {
  it("finds a cited paragraph with its outlet, and null for anything else", async () => {
    await db.execute(
      sql`insert into paragraphs (article_id, n, kind, text) values (${caixinArticle}::uuid, 1, 'paragraph', 'Leaders met.')`,
    );
    expect(await getCitedParagraph(db, caixinArticle.toUpperCase(), 1)).toEqual({
      articleId: caixinArticle,
      paragraph: 1,
      text: "Leaders met.",
      articleTitle: "Caixin on the summit",
      outlet: "Caixin",
    });
    expect(await getCitedParagraph(db, caixinArticle, 2)).toBeNull();
    expect(await getCitedParagraph(db, caixinArticle, 0)).toBeNull();
    expect(await getCitedParagraph(db, "not-an-id", 1)).toBeNull();
  });
});
