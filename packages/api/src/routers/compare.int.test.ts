import { randomUUID } from "node:crypto";
import type { Comparison } from "@parallax/core/schemas";
import {
  comparisonArticleStates,
  getArticleEnrichment,
  getArticleSummary,
  notComparableReason,
  pruneComparisons,
  storeEnrichment,
} from "@parallax/db";
import { createIngestQueue } from "@parallax/queue";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The worker's pipeline harness: real Postgres and Redis, and the workers that normalize, enrich and cluster.
import { type Harness, seed, startHarness, waitFor } from "../../../../apps/worker/src/__fixtures__/harness";
import { createCaller } from "../root";

let h: Harness;
let api: ReturnType<typeof createCaller>;

beforeAll(async () => {
  h = await startHarness((_req, res) => res.writeHead(404).end());
  api = createCaller({ db: h.db, ingestQueue: h.queue, log: () => {}, viewer: { kind: "local" } });
  await h.startWorkers();
});

afterAll(() => h?.close());

/** The error a call ends with: its tRPC code and message, or "resolved". */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: "resolved", message: "" }),
    (error: unknown) =>
      error instanceof TRPCError
        ? { code: error.code, message: error.message }
        : { code: String(error), message: "" },
  );

const comparable = (id: string) =>
  waitFor(
    async () => {
      const [state] = await comparisonArticleStates(h.db, [id]);
      return state && notComparableReason(state) === null ? id : null;
    },
    `enrichment of ${id}`,
    60_000,
  );

const citationsOf = (c: Comparison) => [
  ...c.overview.flatMap((s) => s.citations),
  ...c.sharedFacts.flatMap((f) => f.passages.map((p) => p.citation)),
  ...c.onlyHere.flatMap((s) => s.claims.map((claim) => claim.passage.citation)),
  ...c.voices.flatMap((s) => s.voices.flatMap((v) => v.citations)),
];

const quotesOf = (c: Comparison, articleId: string) => {
  const side = c.sides.find((s) => s.articles.some((a) => a.id === articleId))!.label;
  return c.voices.find((v) => v.side === side)?.quotes ?? 0;
};

let nippon = "";
let caixin = "";

describe("compare router", () => {
  it("compares two stored articles, citing paragraphs of both, and answers the same request from the cache", async () => {
    // Pasted text has an outlet only when the submitter names it.
    nippon = (await api.article.submit({ text: seed("000_692c35d782a7bbcb.txt"), sourceName: "nippon.com" }))
      .articleId;
    caixin = (
      await api.article.submit({ text: seed("002_41147d8f43a0c177.txt"), sourceName: "Caixin Global" })
    ).articleId;
    await comparable(nippon);
    await comparable(caixin);

    const first = await api.compare.articles({ articleIds: [nippon, caixin] });
    expect(first.cached).toBe(false);
    expect(first.excluded).toEqual([]);
    expect(first.sides.map((s) => s.articles.map((a) => a.id))).toEqual([[nippon], [caixin]]);
    expect(first.sharedFacts.length).toBeGreaterThan(0);
    for (const fact of first.sharedFacts)
      expect(new Set(fact.passages.map((p) => p.citation.articleId))).toEqual(new Set([nippon, caixin]));
    expect(first.overview.length).toBeGreaterThan(0);
    for (const sentence of first.overview) expect(sentence.citations.length).toBeGreaterThan(0);
    const paragraphs = new Map([
      [nippon, (await getArticleSummary(h.db, nippon))!.paragraphCount],
      [caixin, (await getArticleSummary(h.db, caixin))!.paragraphCount],
    ]);
    for (const citation of citationsOf(first)) {
      expect(paragraphs.has(citation.articleId)).toBe(true);
      expect(citation.paragraph).toBeLessThanOrEqual(paragraphs.get(citation.articleId)!);
    }
    expect(first.similarity).toHaveLength(1);
    expect(first.similarity[0]!.similarity).toBeGreaterThan(0);
    expect(first.similarity[0]!.similarity).toBeLessThanOrEqual(1);
    expect(first.tone.method).not.toBe("");

    const again = await api.compare.articles({ articleIds: [nippon, caixin] });
    expect(again.cached).toBe(true);
    expect({ ...again, cached: false }).toEqual(first);
    // The articles' order is no part of the request: the same two articles are the same comparison.
    expect((await api.compare.articles({ articleIds: [caixin.toUpperCase(), nippon] })).cached).toBe(true);
    // Another grouping is another comparison.
    expect((await api.compare.articles({ articleIds: [nippon, caixin], by: "outlet" })).cached).toBe(false);
    const { rows } = await h.db.$client.query("select count(*)::int as n from comparisons");
    expect(rows[0].n).toBe(2);
  }, 180_000);

  it("computes again once an article's enrichment changes", async () => {
    const before = await api.compare.articles({ articleIds: [nippon, caixin] });
    expect(before.cached).toBe(true);
    expect(quotesOf(before, caixin)).toBeGreaterThan(0);

    // Stored as the enrichment worker stores it: the Caixin article now has no quotes.
    const enrichment = (await getArticleEnrichment(h.db, caixin))!;
    const terms = await h.db.$client.query("select term, count from article_terms where article_id = $1", [
      caixin,
    ]);
    const counts = new Map<string, number>(
      terms.rows.map((r: { term: string; count: number }) => [r.term, r.count]),
    );
    expect(await storeEnrichment(h.db, caixin, { ...enrichment, quotes: [] }, counts)).toBe("written");

    const after = await api.compare.articles({ articleIds: [nippon, caixin] });
    expect(after.cached).toBe(false);
    expect(quotesOf(after, caixin)).toBe(0);
    expect(quotesOf(after, nippon)).toBe(quotesOf(before, nippon));
    expect((await api.compare.articles({ articleIds: [nippon, caixin] })).cached).toBe(true);
  }, 60_000);

  it("answers unknown articles with NOT_FOUND and too few ready ones with BAD_REQUEST naming them", async () => {
    const unknown = randomUUID();
    expect(await failure(api.compare.articles({ articleIds: [nippon, unknown] }))).toEqual({
      code: "NOT_FOUND",
      message: `no article ${unknown}`,
    });
    expect((await failure(api.compare.articles({ articleIds: [nippon] }))).code).toBe("BAD_REQUEST");
    expect((await failure(api.compare.articles({ articleIds: [nippon, nippon] }))).code).toBe("BAD_REQUEST");
    expect(
      (await failure(api.compare.articles({ articleIds: Array.from({ length: 11 }, () => randomUUID()) })))
        .code,
    ).toBe("BAD_REQUEST");
    expect(
      (
        await failure(
          api.compare.articles({ articleIds: [nippon, caixin], by: "outlet", labels: { a: "b" } }),
        )
      ).code,
    ).toBe("BAD_REQUEST");

    // Submitted to a queue no worker reads: it stays queued.
    const idleQueue = createIngestQueue({ connection: h.redis, prefix: `${h.services.prefix}-idle` });
    try {
      const idle = createCaller({
        db: h.db,
        ingestQueue: idleQueue,
        log: () => {},
        viewer: { kind: "local" },
      });
      const { articleId: queued } = await idle.article.submit({
        text: "The harbour at Port Ellis reopened on Tuesday after the storm, the port authority said.",
      });
      const refused = await failure(api.compare.articles({ articleIds: [nippon, queued] }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.message).toContain(`${queued} (still being processed)`);
      expect(refused.message).toContain("only 1 of the 2 articles");

      const rest = await api.compare.articles({ articleIds: [nippon, caixin, queued] });
      expect(rest.excluded).toEqual([{ articleId: queued, reason: "still being processed" }]);
      expect(rest.sides.flatMap((s) => s.articles.map((a) => a.id)).sort()).toEqual([nippon, caixin].sort());
    } finally {
      await idleQueue.obliterate({ force: true });
      await idleQueue.close();
    }

    // No outlet has a known country: one side is no comparison.
    const oneSide = await failure(api.compare.articles({ articleIds: [nippon, caixin], by: "country" }));
    expect(oneSide.code).toBe("BAD_REQUEST");
    expect(oneSide.message).toMatch(/one side \("Unknown country"\); their outlets' countries are not known/);

    const labelled = await api.compare.articles({
      articleIds: [nippon, caixin],
      labels: { [nippon.toUpperCase()]: "Japan", [caixin]: "China" },
    });
    expect(labelled.sides.map((s) => s.label).sort()).toEqual(["China", "Japan"]);
  }, 60_000);

  it("compares a story's articles by outlet, and refuses a story with one article or none", async () => {
    const storyOf = (id: string) => waitFor(() => api.article.story({ id }), `story of ${id}`, 60_000);
    const storyId = (await storyOf(nippon)).storyId;
    if ((await storyOf(caixin)).storyId !== storyId) {
      const alone = await failure(api.compare.story({ storyId, by: "outlet" }));
      expect(alone).toEqual({
        code: "BAD_REQUEST",
        message: `only 1 of the 1 article of story ${storyId} is readable and enriched, and a comparison needs two`,
      });
      await api.story.moveArticle({ articleId: caixin, toStoryId: storyId });
    }

    const first = await api.compare.story({ storyId, by: "outlet" });
    expect(first.storyId).toBe(storyId);
    expect(first.sides).toHaveLength(2);
    expect(first.sides.flatMap((s) => s.articles.map((a) => a.id)).sort()).toEqual([nippon, caixin].sort());
    for (const side of first.sides) expect(side.label).toBe(side.articles[0]!.source);
    const again = await api.compare.story({ storyId, by: "outlet" });
    expect(again.cached).toBe(true);
    expect(again.sharedFacts).toEqual(first.sharedFacts);

    expect((await failure(api.compare.story({ storyId: randomUUID(), by: "outlet" }))).code).toBe(
      "NOT_FOUND",
    );
  }, 120_000);

  it("keeps the cache bounded, dropping the least recently used comparisons first", async () => {
    const count = async () =>
      (await h.db.$client.query("select count(*)::int as n from comparisons")).rows[0].n as number;
    const total = await count();
    expect(total).toBeGreaterThan(2);
    // Used last, so kept.
    expect((await api.compare.articles({ articleIds: [nippon, caixin] })).cached).toBe(true);
    expect(await pruneComparisons(h.db, { keep: 1 })).toBe(total - 1);
    expect(await count()).toBe(1);
    expect((await api.compare.articles({ articleIds: [nippon, caixin] })).cached).toBe(true);
    expect((await api.compare.articles({ articleIds: [nippon, caixin], by: "outlet" })).cached).toBe(false);
    expect(await pruneComparisons(h.db, { maxAgeDays: 0 })).toBe(2);
  }, 60_000);
});
