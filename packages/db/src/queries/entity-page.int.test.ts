import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { HOSTILE_HEADLINE, seedEntityCorpus } from "../__fixtures__/entity-corpus";
import { closeDatabase, createDatabase, type Database } from "../client";
import { listFeedBriefings } from "./briefing-feed";
import {
  entityMentionTimeline,
  listEntityNaming,
  listEntityQuotes,
  listEntityStories,
  mentionBucket,
} from "./entity-page";

let db: Database;
let drop: () => Promise<void>;
let corpus: Awaited<ReturnType<typeof seedEntityCorpus>>;

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 4 });
  corpus = await seedEntityCorpus(db);
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

describe("entity page queries", () => {
  it("chooses day bars up to three months, weeks up to two years, months beyond", () => {
    const from = new Date("2026-01-01T00:00:00Z");
    const after = (days: number) => new Date(from.getTime() + days * 86_400_000);
    expect(mentionBucket(from, from)).toBe("day");
    expect(mentionBucket(from, after(92))).toBe("day");
    expect(mentionBucket(from, after(93))).toBe("week");
    expect(mentionBucket(from, after(800))).toBe("month");
  });

  it("counts mentions per day from the first to the last, empty days included", async () => {
    const timeline = await entityMentionTimeline(db, "shigeru-ishiba");
    // The undated article counts on the day it reached us (today), so the span runs to today.
    expect(["day", "week", "month"]).toContain(timeline.bucket);
    const total = timeline.points.reduce((sum, p) => sum + p.mentions, 0);
    expect(total).toBe(5);
    expect(timeline.points.reduce((sum, p) => sum + p.articles, 0)).toBe(3);
    const starts = timeline.points.map((p) => p.start);
    expect([...starts].sort()).toEqual(starts);
    expect(new Set(starts).size).toBe(starts.length);
    expect(timeline.points.some((p) => p.mentions === 0)).toBe(true);
    expect(await entityMentionTimeline(db, "nobody")).toEqual({ bucket: "day", points: [] });
  });

  it("lists the live stories naming the entity with their latest headline", async () => {
    const stories = await listEntityStories(db, "shigeru-ishiba");
    expect(stories.map((s) => s.storyId)).toEqual([corpus.briefed, corpus.unbriefed]);
    expect(stories[0]).toMatchObject({
      headline: HOSTILE_HEADLINE,
      briefingVersion: 2,
      articleCount: 2,
      entityArticles: 2,
      mentions: 4,
      title: "Ishiba meets Xi",
    });
    expect(stories[1]).toMatchObject({ headline: null, briefingVersion: null, title: "Ishiba again" });
    expect(await listEntityStories(db, "shigeru-ishiba", 1)).toHaveLength(1);
  });

  it("separates quotes by the entity from quotes about it, leaving out scare quotes", async () => {
    const { by, about } = await listEntityQuotes(db, "shigeru-ishiba");
    expect(by.map((q) => q.text)).toEqual(["We will talk."]);
    expect(by[0]).toMatchObject({ articleId: corpus.nippon, paragraph: 2, source: "nippon.com" });
    expect(about.map((q) => [q.text, q.speaker, q.namesEntity])).toEqual([
      ["Ishiba is welcome.", "Xi", true],
    ]);
    expect(about[0]!.source).toBe("Caixin");
    const xi = await listEntityQuotes(db, "xi-jinping");
    expect(xi.by.map((q) => q.text).sort()).toEqual(["Ishiba is welcome.", "Trade matters."]);
  });

  it("says how each outlet names the entity", async () => {
    const outlets = await listEntityNaming(db, "shigeru-ishiba");
    const bySource = new Map(outlets.map((o) => [o.source, o]));
    expect([...bySource.keys()].sort((a, b) => (a ?? "").localeCompare(b ?? ""))).toEqual([
      null,
      "Caixin",
      "nippon.com",
    ]);
    expect(bySource.get("Caixin")).toMatchObject({
      articles: 1,
      mentions: 2,
      descriptions: ["Japanese Prime Minister"],
    });
    expect(bySource.get("Caixin")!.aliases).toEqual([
      { text: "Ishiba", count: 1 },
      { text: "Japanese Prime Minister Shigeru Ishiba", count: 1 },
    ]);
    expect(bySource.get("nippon.com")!.aliases.map((a) => a.text)).toEqual(["Ishiba", "Shigeru Ishiba"]);
    expect(bySource.get(null)).toMatchObject({ sourceId: null, articles: 1, descriptions: [] });
    expect(await listEntityNaming(db, "nobody")).toEqual([]);
  });
});

describe("briefing feed query", () => {
  it("gives each live story's latest briefing once, newest first, merged stories left out", async () => {
    const items = await listFeedBriefings(db, { limit: 10 });
    expect(items.map((i) => [i.storyId, i.version])).toEqual([
      [corpus.briefed, 2],
      [corpus.unrelated, 1],
    ]);
    expect(items[0]!.articleCount).toBe(2);
    expect(Date.parse(items[0]!.firstBuiltAt)).toBeLessThan(Date.parse(items[0]!.builtAt));
    expect((items[0]!.content as { headline: { text: string } }).headline.text).toBe(HOSTILE_HEADLINE);
    expect(await listFeedBriefings(db, { limit: 1 })).toHaveLength(1);
  });

  it("keeps only the stories naming an entity when asked for one", async () => {
    const items = await listFeedBriefings(db, { limit: 10, entitySlug: "shigeru-ishiba" });
    expect(items.map((i) => i.storyId)).toEqual([corpus.briefed]);
    expect(await listFeedBriefings(db, { limit: 10, entitySlug: "nobody" })).toEqual([]);
  });
});
