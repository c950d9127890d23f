import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BRIEFING_BUILDER_VERSION, buildBriefing } from "@parallax/core/brief";
import {
  assignArticleToStory,
  briefingSources,
  latestBriefing,
  loadBriefingArticles,
  resolveStoryId,
} from "@parallax/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../__fixtures__/harness";
import { enrichOne } from "../enrich/worker";
import { processArticle } from "../ingest/process";
import { BRIEFING_ARTICLES, briefStory } from "./brief";

const NEWSWCL = fileURLToPath(new URL("../../../../../shared/data/newswcl50/", import.meta.url));

let h: Harness;

beforeAll(async () => {
  // No workers: each article is stored, enriched and placed here, one step after another, and every briefing
  // is built by the test's own calls.
  h = await startHarness((_req, res) => res.writeHead(404).end());
});

afterAll(() => h.close());

/** Submits a NewsWCL article and takes it through the pipeline's steps; returns it and its story. */
async function ingest(file: string, into?: string, suffix = "") {
  const raw = readFileSync(join(NEWSWCL, file), "utf8") + suffix;
  const cut = raw.indexOf("\n");
  const { articleId } = await h
    .api()
    .article.submit({ text: raw.slice(cut + 1), title: raw.slice(0, cut).trim() });
  await processArticle(articleId, {
    db: h.db,
    fetchLimits: { timeoutMs: 5_000, maxBytes: 1_000_000, maxRedirects: 3 },
    report: async () => {},
  });
  await enrichOne(h.db, articleId, async () => {});
  let { storyId } = await assignArticleToStory(h.db, { articleId });
  if (into && storyId !== into) {
    await move(articleId, into);
    storyId = into;
  }
  return { articleId, storyId };
}

const move = (articleId: string, storyId: string) =>
  h.db.$client.query("update article_stories set story_id = $2 where article_id = $1", [articleId, storyId]);

/** A rebuild from scratch, as before the key: the hash of its output. */
async function rebuiltHash(storyId: string) {
  const sources = (await briefingSources(h.db, storyId, BRIEFING_ARTICLES))!;
  const briefing = buildBriefing(await loadBriefingArticles(h.db, sources.articleIds), { scope: "story" });
  return createHash("sha256")
    .update(`${BRIEFING_BUILDER_VERSION}\n${JSON.stringify(briefing)}`)
    .digest("hex");
}

describe("a briefing rebuild whose inputs did not change is skipped", () => {
  it("skips unchanged inputs and rebuilds on every change a briefing can read", async () => {
    const first = await ingest("event3-L.txt");
    const story = first.storyId;
    const second = await ingest("event3-M.txt", story);
    await ingest("event3-LL.txt", story);

    const built = await briefStory(h.db, story);
    expect(built).toMatchObject({ storyId: story, version: 1, changed: true, built: true });
    // Nothing changed: nothing loaded or built, the latest version stands, and it is what a rebuild would give.
    expect(await briefStory(h.db, story)).toEqual({
      storyId: story,
      version: 1,
      changed: false,
      built: false,
    });
    expect((await latestBriefing(h.db, "story", story))!.inputHash).toBe(await rebuiltHash(story));

    // A new revision of an article it reads.
    await h.db.$client.query(
      "update articles set revision = revision + 1, updated_at = now() where id = $1",
      [first.articleId],
    );
    expect(await briefStory(h.db, story)).toMatchObject({ built: true, changed: false, version: 1 });
    expect(await briefStory(h.db, story)).toMatchObject({ built: false, version: 1 });

    // Re-enrichment with another output.
    await h.db.$client.query("update article_enrichment set output_hash = 'other' where article_id = $1", [
      second.articleId,
    ]);
    expect(await briefStory(h.db, story)).toMatchObject({ built: true });
    expect(await briefStory(h.db, story)).toMatchObject({ built: false });

    // Its outlet (pasted text has none), then the outlet's opinion sections (they can make an article opinion).
    await h.db.$client.query(
      "with s as (insert into sources (name, domain) values ('Harbour Times', 'harbour.example') returning id) update articles set source_id = (select id from s) where id = $1",
      [first.articleId],
    );
    expect(await briefStory(h.db, story)).toMatchObject({ built: true });
    await h.db.$client.query(
      "update sources set opinion_sections = '{/opinion/}' where domain = 'harbour.example'",
    );
    expect(await briefStory(h.db, story)).toMatchObject({ built: true });
    expect(await briefStory(h.db, story)).toMatchObject({ built: false });

    // An article joins within the first 60 (there are four): rebuilt, and a new version.
    const v = (await latestBriefing(h.db, "story", story))!.version;
    const joined = await ingest("event3-R.txt", story);
    expect(await briefStory(h.db, story)).toMatchObject({ built: true, changed: true, version: v + 1 });
    expect(await briefStory(h.db, story)).toMatchObject({ built: false, version: v + 1 });

    // A copy of an article joins: the briefing leaves copies out, so its inputs are the same.
    const copy = await ingest("event3-R.txt", story, "\n(Reporting by staff; editing by desk)");
    const { rows } = await h.db.$client.query("select status from articles where id = $1", [copy.articleId]);
    expect(rows[0].status).toBe("duplicate");
    expect(await briefStory(h.db, story)).toMatchObject({ built: false, version: v + 1 });

    // It moves out again.
    await h.db.$client.query("delete from article_stories where article_id = $1", [joined.articleId]);
    expect(await briefStory(h.db, story)).toMatchObject({ built: true, changed: true, version: v + 2 });

    // The story is merged into another: the id resolves to it, whose inputs (and briefing) are its own.
    const other = await ingest("event5-L.txt");
    expect(other.storyId).not.toBe(story);
    expect(await briefStory(h.db, other.storyId)).toMatchObject({ built: true, version: 1 });
    await h.db.$client.query("update article_stories set story_id = $2 where story_id = $1", [
      story,
      other.storyId,
    ]);
    await h.db.$client.query("update stories set merged_into = $2, size = 0 where id = $1", [
      story,
      other.storyId,
    ]);
    expect(await resolveStoryId(h.db, story)).toBe(other.storyId);
    expect(await briefStory(h.db, story)).toMatchObject({
      storyId: other.storyId,
      built: true,
      changed: true,
    });
    expect(await briefStory(h.db, other.storyId)).toMatchObject({ built: false });
    expect((await latestBriefing(h.db, "story", other.storyId))!.inputHash).toBe(
      await rebuiltHash(other.storyId),
    );
  }, 120_000);

  it("reads only the first articles: one joining beyond them leaves the key as it was", async () => {
    const a = await ingest("event0-L.txt");
    await ingest("event0-M.txt", a.storyId);
    const before = (await briefingSources(h.db, a.storyId, 2))!;
    expect(before.articleIds).toHaveLength(2);
    // No publication dates in pasted text: later arrivals sort last.
    await ingest("event0-R.txt", a.storyId);
    const after = (await briefingSources(h.db, a.storyId, 2))!;
    expect(after.sourceKey).toBe(before.sourceKey);
    expect(after.articleIds).toEqual(before.articleIds);
    expect((await briefingSources(h.db, a.storyId, 3))!.sourceKey).not.toBe(before.sourceKey);
  }, 60_000);
});
