import { createBriefQueue } from "@parallax/queue";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The worker's pipeline harness: real Postgres and Redis, and the workers that cluster and brief.
import { type Harness, seed, startHarness, waitFor } from "../../../../apps/worker/src/__fixtures__/harness";
import { createCaller } from "../root";

let h: Harness;
let briefQueue: ReturnType<typeof createBriefQueue>;
let api: ReturnType<typeof createCaller>;
const log: string[] = [];

beforeAll(async () => {
  h = await startHarness((_req, res) => res.writeHead(404).end());
  briefQueue = createBriefQueue({ connection: h.redis, prefix: h.services.prefix });
  api = createCaller({
    db: h.db,
    ingestQueue: h.queue,
    briefQueue,
    log: (line) => log.push(line),
    viewer: { kind: "local" },
  });
  await h.startWorkers();
});

afterAll(async () => {
  await briefQueue?.close();
  await h?.close();
});

const storyOf = (articleId: string) =>
  waitFor(() => api.article.story({ id: articleId }), `story of ${articleId}`, 60_000);

/** Polls the story's briefing until `done` accepts it (the worker rebuilds it about 2 s after a change). */
const briefingOf = (
  id: string,
  what: string,
  done: (b: Awaited<ReturnType<typeof api.story.briefing>>) => boolean,
) =>
  waitFor(
    async () => {
      const b = await api.story.briefing({ id });
      return done(b) ? b : null;
    },
    what,
    60_000,
  );

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

const labels = (b: { briefing: { sources: Array<{ label: string }> } | null }) =>
  (b.briefing?.sources ?? []).map((s) => s.label).sort();

let nippon = "";
let caixin = "";
/** nippon.com's story, which Caixin's article is moved into and split off from again. */
let storyId = "";
/** The story Caixin's article started. */
let caixinStory = "";

describe("story router", () => {
  it("lists each seed's story, a page at a time, and briefs it", async () => {
    // The seeds name no outlet in their text; the submitter does, as the submit form lets them.
    nippon = (await api.article.submit({ text: seed("000_692c35d782a7bbcb.txt"), sourceName: "nippon.com" }))
      .articleId;
    caixin = (await api.article.submit({ text: seed("002_41147d8f43a0c177.txt"), sourceName: "Caixin" }))
      .articleId;
    storyId = (await storyOf(nippon)).storyId;
    // On an empty corpus the two seeds score below the assignment threshold: two stories, until a person moves one.
    caixinStory = (await storyOf(caixin)).storyId;
    expect(caixinStory).not.toBe(storyId);

    const first = await api.story.list({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await api.story.list({ limit: 1, cursor: first.nextCursor });
    const ids = [...first.items, ...second.items].map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([storyId, caixinStory].sort());

    const story = await api.story.byId({ id: storyId });
    expect(story).toMatchObject({ id: storyId, redirectedFrom: null });
    expect(story.articles.map((a) => a.id)).toContain(nippon);

    const built = await briefingOf(storyId, "nippon.com's briefing", (b) => b.version !== null);
    expect(labels(built)).toContain("nippon.com");
    expect(built).toMatchObject({ redirectedFrom: null, previousVersion: null, diff: null });
    expect(built.versions).toEqual([{ version: built.version, builtAt: built.builtAt }]);
  }, 180_000);

  it("moves Caixin's article into nippon.com's story: its story redirects, the briefing cites both", async () => {
    const before = await briefingOf(storyId, "nippon.com's briefing", (b) => b.version !== null);
    const move = await api.story.moveArticle({ articleId: caixin, toStoryId: storyId });
    expect(move).toMatchObject({
      fromStoryId: caixinStory,
      toStoryId: storyId,
      created: false,
      emptied: true,
      briefingsQueued: true,
    });
    expect(await api.article.story({ id: caixin })).toMatchObject({ storyId, pinned: true });

    const followed = await api.story.byId({ id: caixinStory });
    expect(followed).toMatchObject({ id: storyId, redirectedFrom: caixinStory, articleCount: 2 });
    expect((await api.story.briefing({ id: caixinStory })).storyId).toBe(storyId);
    expect(await api.story.merges({ id: storyId })).toContainEqual(
      expect.objectContaining({ fromId: caixinStory, intoId: storyId, kind: "emptied" }),
    );
    expect((await api.story.list({ limit: 100 })).items.map((s) => s.id)).not.toContain(caixinStory);

    const both = await briefingOf(storyId, "the briefing of both seeds", (b) => labels(b).includes("Caixin"));
    expect(labels(both)).toEqual(["Caixin", "nippon.com"]);
    expect(both.previousVersion).toBe(before.version);
    expect(both.diff!.sources.added.map((s) => s.articleId)).toEqual([caixin]);
    const points = both.briefing!.keyPoints;
    expect(points.length).toBeGreaterThanOrEqual(3);
    const cited = new Set(
      points.flatMap((p) => p.sentences.flatMap((s) => s.citations.map((c) => c.articleId))),
    );
    expect(cited).toEqual(new Set([nippon, caixin]));
  }, 120_000);

  it("splits Caixin's article off into a new story and rebuilds both briefings, with what changed", async () => {
    const before = await api.story.briefing({ id: storyId });
    const split = await api.story.split({ storyId, articleIds: [caixin] });
    expect(split).toMatchObject({ storyId, articleIds: [caixin], briefingsQueued: true });
    expect(split.touched.sort()).toEqual([storyId, split.newStoryId].sort());
    expect(await api.article.story({ id: caixin })).toMatchObject({
      storyId: split.newStoryId,
      pinned: true,
    });
    expect((await api.story.byId({ id: storyId })).articles.map((a) => a.id)).toEqual([nippon]);

    const rebuilt = await briefingOf(
      storyId,
      "the briefing without Caixin",
      (b) => b.version! > before.version!,
    );
    expect(labels(rebuilt)).toEqual(["nippon.com"]);
    expect(rebuilt.previousVersion).toBe(before.version);
    expect(rebuilt.diff!.changed).toBe(true);
    expect(rebuilt.diff!.sources.removed.map((s) => s.articleId)).toEqual([caixin]);
    expect(rebuilt.diff!.sources.added).toEqual([]);
    // Every point of the new version is accounted for: new, re-cited or kept.
    const { added, recited, unchanged } = rebuilt.diff!.keyPoints;
    expect(added.length + recited.length + unchanged.length).toBe(rebuilt.briefing!.keyPoints.length);

    const alone = await briefingOf(split.newStoryId, "the new story's briefing", (b) => b.version !== null);
    expect(labels(alone)).toEqual(["Caixin"]);
    expect(alone).toMatchObject({ version: 1, previousVersion: null, diff: null });

    // Older versions stay readable, each with the diff from the one before it.
    const old = await api.story.briefing({ id: storyId, version: before.version! });
    expect(old.version).toBe(before.version);
    expect(labels(old)).toEqual(["Caixin", "nippon.com"]);
    expect(old.diff!.sources.added.map((s) => s.articleId)).toEqual([caixin]);
    expect(old.versions.map((v) => v.version)).toEqual(rebuilt.versions.map((v) => v.version));
    expect(rebuilt.versions.map((v) => v.version)).toEqual([
      rebuilt.version,
      before.version,
      before.version! - 1,
    ]);
  }, 120_000);

  it("moves an article to a story of its own, and keeps the move when Redis cannot take the rebuild", async () => {
    const offline = createCaller({
      db: h.db,
      ingestQueue: h.queue,
      log: (line) => log.push(line),
      viewer: { kind: "local" },
    });
    const move = await offline.story.moveArticle({ articleId: nippon, toStoryId: "new" });
    expect(move).toMatchObject({ fromStoryId: storyId, created: true, briefingsQueued: false });
    expect((await api.article.story({ id: nippon }))!.storyId).toBe(move.toStoryId);
  });

  it("answers with the API's error codes for what cannot be done", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await codeOf(api.story.byId({ id: missing }))).toBe("NOT_FOUND");
    expect(await codeOf(api.story.briefing({ id: missing }))).toBe("NOT_FOUND");
    expect(await codeOf(api.story.briefing({ id: storyId, version: 999 }))).toBe("NOT_FOUND");
    expect(await codeOf(api.story.moveArticle({ articleId: caixin, toStoryId: missing }))).toBe("NOT_FOUND");
    const caixinNow = (await api.article.story({ id: caixin }))!.storyId;
    // A split must leave an article behind, and can only take the story's own.
    expect(await codeOf(api.story.split({ storyId: caixinNow, articleIds: [caixin] }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.story.split({ storyId: caixinNow, articleIds: [nippon] }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.story.byId({ id: "not-a-story" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.story.list({ cursor: "abc" }))).toBe("BAD_REQUEST");
  });
});

describe("article router: story and briefing", () => {
  it("builds a briefing of one article on request, citing only it", async () => {
    const briefing = await api.article.briefing({ id: nippon });
    expect(briefing).toMatchObject({ scope: "article" });
    expect(briefing!.sources.map((s) => s.articleId)).toEqual([nippon]);
    expect(briefing!.keyPoints.length).toBeGreaterThan(0);
    for (const point of briefing!.keyPoints) expect(point.articleIds).toEqual([nippon]);
  });

  it("answers null for an article that is not in Parallax", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    expect(await api.article.story({ id: missing })).toBeNull();
    expect(await api.article.briefing({ id: missing })).toBeNull();
  });
});
