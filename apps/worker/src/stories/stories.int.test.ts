import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  articleClusterDoc,
  assignArticle,
  DEFAULT_CLUSTER_OPTIONS,
  MemoryStoryIndex,
} from "@parallax/core/cluster";
import { enrichArticle } from "@parallax/core/enrich";
import { normalize } from "@parallax/core/normalize";
import { zBriefing } from "@parallax/core/schemas";
import { latestBriefing, listBriefingVersions, resolveStoryId, storyOfArticle } from "@parallax/db";
import { createClusterQueue } from "@parallax/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, seed, startHarness, waitFor } from "../__fixtures__/harness";
import { reconcile } from "../index";
import { briefStory } from "./brief";

const NEWSWCL = fileURLToPath(new URL("../../../../../shared/data/newswcl50/", import.meta.url));

let h: Harness;

beforeAll(async () => {
  h = await startHarness((_req, res) => res.writeHead(404).end());
  await h.startWorkers();
});

afterAll(() => h.close());

const storyOf = (articleId: string) =>
  waitFor(() => storyOfArticle(h.db, articleId), `story of ${articleId}`, 60_000);

describe("stories and briefings in the worker", () => {
  it("groups articles as they arrive exactly as parallax cluster does, and briefs each story citing its sources", async () => {
    // Two events, interleaved, one article at a time so that arrival order is submission order.
    const files = ["L", "RR", "M", "LL", "R"].flatMap((outlet) => [
      `event3-${outlet}.txt`,
      `event5-${outlet}.txt`,
    ]);
    const stories: string[] = [];
    const offline = new MemoryStoryIndex();
    const expected: string[] = [];
    for (const file of files) {
      const raw = readFileSync(join(NEWSWCL, file), "utf8");
      const cut = raw.indexOf("\n");
      const title = raw.slice(0, cut).trim();
      const text = raw.slice(cut + 1);
      const { articleId } = await h.api().article.submit({ text, title });
      stories.push((await storyOf(articleId)).storyId);
      const article = normalize({ kind: "text", text }, { title });
      const doc = articleClusterDoc(file, article, enrichArticle(article).enrichment);
      expected.push((await assignArticle(doc, offline, DEFAULT_CLUSTER_OPTIONS)).storyId);
    }
    const current = await Promise.all(stories.map((id) => resolveStoryId(h.db, id)));
    const partition = (ids: (string | null)[]) => ids.map((id) => ids.indexOf(id));
    expect(partition(current)).toEqual(partition(expected.map((id) => offline.resolve(id))));
    // The offline grouping is itself right for most of event 3 (L, M, LL and R together).
    expect(new Set([0, 4, 6, 8].map((i) => current[i])).size).toBe(1);

    // Debounced: the briefing follows once the articles are in.
    const storyId = current[0]!;
    const { briefing, version } = await waitFor(
      async () => {
        const latest = await latestBriefing(h.db, "story", storyId);
        const parsed = latest ? zBriefing.parse(latest.content) : null;
        return parsed && parsed.sources.length === 4 ? { briefing: parsed, version: latest!.version } : null;
      },
      "a briefing of event 3's four articles",
      60_000,
    );
    expect(briefing.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(briefing.keyPoints.length).toBeLessThanOrEqual(7);
    for (const point of briefing.keyPoints)
      for (const sentence of point.sentences) expect(sentence.citations.length).toBeGreaterThan(0);
    const cited = new Set(briefing.keyPoints.flatMap((p) => p.articleIds));
    expect(cited.size).toBeGreaterThanOrEqual(2);

    // Rebuilding what has not changed makes no new version.
    expect(await briefStory(h.db, storyId)).toMatchObject({ changed: false, version });
  }, 180_000);

  it("gives an unrelated article its own story", async () => {
    const other = await h.api().article.submit({
      text: "The harbour at Port Ellis reopened on Tuesday after the storm, the port authority said. Ferries to the islands resume on Friday.",
    });
    const story = await storyOf(other.articleId);
    const takaichi = await h.api().article.submit({ text: seed("000_692c35d782a7bbcb.txt") });
    expect(story.storyId).not.toBe((await storyOf(takaichi.articleId)).storyId);
    const versions = await waitFor(
      async () => {
        const list = await listBriefingVersions(h.db, "story", story.storyId);
        return list.length > 0 ? list : null;
      },
      "the harbour story's briefing",
      60_000,
    );
    expect(versions[0]!.version).toBe(1);
  }, 120_000);

  it("the reconciler sends enriched articles in no story to the cluster queue", async () => {
    const submitted = await h.api().article.submit({
      text: "The city council approved the new library budget on Monday after a long debate about opening hours.",
    });
    await storyOf(submitted.articleId);
    await h.db.$client.query("delete from article_stories where article_id = $1", [submitted.articleId]);
    const clusterQueue = createClusterQueue({ connection: h.redis, prefix: h.services.prefix });
    try {
      const report = await reconcile(h.db, h.queue, undefined, clusterQueue);
      expect(report.clusterQueued).toBeGreaterThanOrEqual(1);
    } finally {
      await clusterQueue.close();
    }
    // Only the reconciler's job can put it back in a story (waits up to a minute, fails otherwise).
    await storyOf(submitted.articleId);
  }, 120_000);
});
