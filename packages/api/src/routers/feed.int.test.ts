import { closeDatabase, createDatabase, type Database, storeBriefing } from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  briefingContent,
  HOSTILE_HEADLINE,
  seedEntityCorpus,
} from "../../../db/src/__fixtures__/entity-corpus";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { createCaller } from "../root";

let db: Database;
let drop: () => Promise<void>;
let api: ReturnType<typeof createCaller>;
let corpus: Awaited<ReturnType<typeof seedEntityCorpus>>;
const log: string[] = [];

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 4 });
  // These procedures only read Postgres; a queue that is never touched stands in for Redis.
  api = createCaller({ db, ingestQueue: {} as never, log: (line) => log.push(line) });
  corpus = await seedEntityCorpus(db);
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

describe("feed router", () => {
  it("gives the latest briefing of each live story, as parsed briefings", async () => {
    const { items } = await api.feed.stories({});
    expect(items.map((i) => [i.storyId, i.version])).toEqual([
      [corpus.briefed, 2],
      [corpus.unrelated, 1],
    ]);
    expect(items[0]!.briefing.headline!.text).toBe(HOSTILE_HEADLINE);
    expect((await api.feed.stories({ limit: 1 })).items).toHaveLength(1);
  });

  it("gives an entity's stories, and 404 for an unknown entity, 400 for a malformed slug or limit", async () => {
    const feed = await api.feed.entity({ slug: "shigeru-ishiba" });
    expect(feed.entity).toEqual({ slug: "shigeru-ishiba", name: "Shigeru Ishiba", type: "person" });
    expect(feed.items.map((i) => i.storyId)).toEqual([corpus.briefed]);
    expect(await codeOf(api.feed.entity({ slug: "nobody-at-all" }))).toBe("NOT_FOUND");
    expect(await codeOf(api.feed.entity({ slug: "../etc/passwd" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.feed.stories({ limit: 10_000 }))).toBe("BAD_REQUEST");
  });

  it("gives every version of one story, newest first, and 404 for a story that does not exist", async () => {
    const feed = await api.feed.story({ storyId: corpus.briefed });
    expect(feed.storyId).toBe(corpus.briefed);
    expect(feed.items.map((i) => i.version)).toEqual([2, 1]);
    expect(feed.items.every((i) => i.storyId === corpus.briefed)).toBe(true);
    expect(await codeOf(api.feed.story({ storyId: "00000000-0000-4000-8000-000000000000" }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(api.feed.story({ storyId: "not-a-story" }))).toBe("BAD_REQUEST");
  });

  it("leaves out a briefing stored in a format it cannot read, and says so in the log", async () => {
    const store = (inputHash: string, content: unknown) =>
      storeBriefing(db, { scope: "story", subjectId: corpus.unrelated, inputHash, content });
    await store("old", { summary: "an older format" });
    const { items } = await api.feed.stories({});
    expect(items.map((i) => i.storyId)).toEqual([corpus.briefed]);
    expect(log.some((line) => line.includes(corpus.unrelated))).toBe(true);
    await store("u3", briefingContent("Rain in Osaka again", corpus.other, "Unknown"));
    expect((await api.feed.stories({})).items.map((i) => [i.storyId, i.version])).toEqual([
      [corpus.unrelated, 3],
      [corpus.briefed, 2],
    ]);
  });
});

describe("entity router, page procedures", () => {
  it("answers the page's timeline, stories, quotes and naming", async () => {
    const timeline = await api.entity.timeline({ slug: "shigeru-ishiba" });
    expect(timeline.points.reduce((sum, p) => sum + p.mentions, 0)).toBe(5);
    const stories = await api.entity.stories({ slug: "shigeru-ishiba" });
    expect(stories.map((s) => s.storyId)).toEqual([corpus.briefed, corpus.unbriefed]);
    const quotes = await api.entity.quotes({ slug: "shigeru-ishiba" });
    expect(quotes.by).toHaveLength(1);
    expect(quotes.about).toHaveLength(1);
    const naming = await api.entity.naming({ slug: "shigeru-ishiba" });
    expect(naming).toHaveLength(3);
  });

  it("gives empty answers for a well-formed slug nobody has, and refuses hostile ones", async () => {
    expect(await api.entity.stories({ slug: "nobody" })).toEqual([]);
    expect(await codeOf(api.entity.timeline({ slug: "<script>" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.entity.quotes({ slug: "a".repeat(500) }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.entity.stories({ slug: "ok", limit: 0 }))).toBe("BAD_REQUEST");
  });
});
