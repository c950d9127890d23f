import { readFileSync } from "node:fs";
import { type ClusterDoc, DEFAULT_CLUSTER_OPTIONS, extractFeatures } from "@parallax/core/cluster";
import { articleClusterDoc } from "@parallax/core/cluster";
import { enrichArticle, enrichmentTerms } from "@parallax/core/enrich";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { bridge, insertArticle, newswcl, shuffled, type WclArticle } from "../__fixtures__/stories";
import { closeDatabase, createDatabase, type Database } from "../client";
import { storeEnrichment } from "./enrichment";
import {
  assignArticlesToStories,
  assignArticleToStory,
  getStory,
  listStories,
  listStoryMerges,
  moveArticle,
  repairStories,
  resolveStoryId,
  StoryError,
  splitStory,
  storyOfArticle,
} from "./stories";
import { loadClusterDocs, STORY_LOCK_KEY } from "./story-index";

let db: Database;
let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await isolatedDatabase();
  ({ url, drop } = database);
  db = createDatabase(url, { max: 4 });
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

beforeEach(async () => {
  await db.execute(sql`truncate articles, sources, cluster_corpus, cluster_terms, stories cascade`);
});

const wcl = newswcl();
const event = (n: number) => wcl.filter((a) => a.event === n);
/**
 * Undated reports of other events, clustered first: on an empty corpus every word is as rare as any other,
 * and a story's first reports do not find each other.
 */
const warmup = shuffled(
  wcl.filter((a) => a.event >= 6),
  1,
).slice(0, 6);

/** Dated one event per week, its five reports three hours apart. */
const dated = (a: WclArticle, i = 0): ClusterDoc & { source: string } => ({
  ...a,
  source: `Outlet ${a.outlet}`,
  publishedAt: new Date(
    Date.parse("2026-02-02T06:00:00Z") + a.event * 7 * 86_400_000 + i * 3 * 3_600_000,
  ).toISOString(),
});

/** Stores the articles and assigns them in order; returns their ids. */
async function ingest(docs: ReadonlyArray<ClusterDoc & { source?: string }>): Promise<string[]> {
  const ids: string[] = [];
  for (const doc of docs) {
    const id = await insertArticle(db, doc);
    await assignArticleToStory(db, { articleId: id });
    ids.push(id);
  }
  return ids;
}

async function storyIdOf(articleId: string): Promise<string> {
  return (await storyOfArticle(db, articleId))!.storyId;
}

/** Every live story's summary counts exactly the articles it has. */
async function expectConsistent() {
  const { rows } = await db.execute(sql`
    select s.id, s.size, (select count(*)::int from article_stories a where a.story_id = s.id) as members
    from stories s where s.merged_into is null`);
  for (const row of rows) expect(row.size).toBe(row.members);
  const { rows: redirected } = await db.execute(sql`
    select count(*)::int as n from article_stories a join stories s on s.id = a.story_id
    where s.merged_into is not null`);
  expect(redirected[0]!.n).toBe(0);
}

async function corpus() {
  const { rows } = await db.execute(sql`
    select (select documents from cluster_corpus) as documents,
           (select coalesce(sum(df), 0)::int from cluster_terms) as df`);
  return rows[0] as { documents: number; df: number };
}

const rejects = (promise: Promise<unknown>, code: StoryError["code"]) =>
  expect(promise).rejects.toSatisfy((e) => e instanceof StoryError && e.code === code);

describe("stories in Postgres", () => {
  it("groups each event's reports into a story and lists stories, last changed first", async () => {
    await ingest(warmup);
    const docs = [...event(0).map(dated), ...event(1).map(dated)];
    const ids = await ingest(docs);
    const stories0 = await Promise.all(ids.slice(0, 5).map(storyIdOf));
    const stories1 = await Promise.all(ids.slice(5).map(storyIdOf));
    const first = stories0[0]!;
    // Most of each event's reports in one story, never with the other event's.
    expect(stories0.filter((id) => id === first).length).toBeGreaterThanOrEqual(4);
    expect(stories1).not.toContain(first);
    const story = await getStory(db, first);
    expect(story!.articles.map((a) => a.id).sort()).toEqual(
      ids.filter((_, i) => stories0[i] === first).sort(),
    );
    expect(story!.articleCount).toBe(story!.articles.length);
    expect(story!.title).toBe(docs[0]!.title);
    expect(story!.firstAt).toBe(docs[0]!.publishedAt);
    expect(story!.articles[0]!.source?.name).toBe(docs[0]!.source);
    expect(story!.sourceCount).toBe(story!.articleCount);
    const dates = story!.articles.map((a) => a.publishedAt!);
    expect(dates).toEqual([...dates].sort());

    const { stories, nextCursor } = await listStories(db, { limit: 50 });
    expect(nextCursor).toBeNull();
    expect(stories[0]!.id).toBe(await storyIdOf(ids.at(-1)!));
    expect(stories.reduce((n, s) => n + s.articleCount, 0)).toBe(16);
    // One at a time, the pages hold every story once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listStories>> = await listStories(db, { limit: 1, cursor });
      seen.push(...page.stories.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(stories.map((s) => s.id));
    const later = await listStories(db, { limit: 50, since: new Date(Date.now() + 60_000).toISOString() });
    expect(later.stories).toEqual([]);
    await expectConsistent();
  });

  it("assigns a batch in one transaction exactly as one call each, with an error in place of a bad article", async () => {
    const docs = [...warmup, ...event(0).map(dated), ...event(1).map(dated), ...event(2).map(dated)];
    const partition = async (ids: string[]) => {
      const stories = await Promise.all(ids.map(storyIdOf));
      return stories.map((story) => stories.indexOf(story));
    };
    const oneByOne = await ingest(docs);
    const expected = { partition: await partition(oneByOne), corpus: await corpus() };

    await db.execute(sql`truncate articles, sources, cluster_corpus, cluster_terms, stories cascade`);
    const ids: string[] = [];
    for (const doc of docs) ids.push(await insertArticle(db, doc));
    const missing = crypto.randomUUID();
    const batches = [[...ids.slice(0, 7), "42"], [ids[7]!, missing, ...ids.slice(8, 14)], ids.slice(14)];
    const results = [];
    for (const batch of batches)
      results.push(
        ...(await assignArticlesToStories(
          db,
          batch.map((articleId) => ({ articleId })),
        )),
      );
    const errors = results.filter((r) => r instanceof StoryError).map((e) => (e as StoryError).code);
    expect(errors).toEqual(["BAD_REQUEST", "NOT_FOUND"]);
    expect(await partition(ids)).toEqual(expected.partition);
    expect(await corpus()).toEqual(expected.corpus);
    await expectConsistent();
    // Again, in one batch: nothing changes, nothing is counted twice.
    const again = await assignArticlesToStories(
      db,
      ids.map((articleId) => ({ articleId })),
    );
    expect(again.every((r) => !(r instanceof StoryError) && r.outcome === "unchanged")).toBe(true);
    expect(await corpus()).toEqual(expected.corpus);
  });

  it("assigns an article once: a retry changes nothing, a forced re-assignment counts nothing twice", async () => {
    const [id] = await ingest([dated(wcl[0]!)]);
    const before = await corpus();
    const again = await assignArticleToStory(db, { articleId: id! });
    expect(again.outcome).toBe("unchanged");
    expect(await corpus()).toEqual(before);
    const forced = await assignArticleToStory(db, { articleId: id!, force: true });
    expect(forced.outcome).toBe("reassigned");
    expect(await corpus()).toEqual(before);
    // Its old story, emptied, redirects to the new one.
    expect(forced.touched).toHaveLength(2);
    expect(await resolveStoryId(db, forced.touched[1]!)).toBe(forced.storyId);
    await expectConsistent();
  });

  it("merges two stories an article shows to be one: articles move, the merged id redirects", async () => {
    const [a, b] = (await ingest([...warmup, ...bridge.slice(0, 2)])).slice(-2);
    expect(await storyIdOf(a!)).not.toBe(await storyIdOf(b!));
    const c = await insertArticle(db, bridge[2]!);
    const bridged = await assignArticleToStory(db, { articleId: c });
    expect(bridged.merged).toHaveLength(1);
    expect(bridged.touched.sort()).toEqual([bridged.merged[0]!.from, bridged.storyId].sort());
    const merges = await listStoryMerges(db, bridged.storyId);
    expect(merges).toHaveLength(1);
    const [merge] = merges;
    expect(merge!.kind).toBe("merge");
    expect(merge!.intoId).toBe(bridged.storyId);
    expect(await resolveStoryId(db, merge!.fromId)).toBe(merge!.intoId);
    expect(await storyIdOf(a!)).toBe(bridged.storyId);
    expect(await storyIdOf(b!)).toBe(bridged.storyId);
    const viaOldLink = await getStory(db, merge!.fromId);
    expect(viaOldLink?.id).toBe(bridged.storyId);
    expect(viaOldLink?.redirectedFrom).toBe(merge!.fromId);
    expect(viaOldLink?.articles).toHaveLength(3);
    expect(await listStoryMerges(db, merge!.fromId)).toEqual(merges);
    const listed = (await listStories(db, { limit: 50 })).stories.map((s) => s.id);
    expect(listed).toContain(bridged.storyId);
    expect(listed).not.toContain(merge!.fromId);
    await expectConsistent();
  });

  it("moves an article where a user puts it: pinned, both stories rebuilt, an emptied story redirects", async () => {
    await ingest(warmup);
    const ids = await ingest([...event(2).map(dated), ...event(4).map(dated)]);
    const from = await storyIdOf(ids[0]!);
    const to = await storyIdOf(ids[7]!);
    expect(to).not.toBe(from);
    const sizeOf = async (id: string) => (await getStory(db, id))!.articleCount;
    const [fromSize, toSize] = [await sizeOf(from), await sizeOf(to)];
    expect(fromSize).toBeGreaterThan(1);
    const revision = (await getStory(db, to))!.revision;

    const move = await moveArticle(db, { articleId: ids[0]!, toStoryId: to });
    expect(move).toMatchObject({ fromStoryId: from, toStoryId: to, created: false });
    expect(await storyOfArticle(db, ids[0]!)).toMatchObject({ storyId: to, pinned: true, score: null });
    expect(await sizeOf(to)).toBe(toSize + 1);
    expect((await getStory(db, to))!.revision).toBeGreaterThan(revision);
    expect(await sizeOf(from)).toBe(fromSize - 1);
    await expectConsistent();

    // A pinned article stays where the user put it, even when re-assignment is forced.
    const forced = await assignArticleToStory(db, { articleId: ids[0]!, force: true });
    expect(forced).toMatchObject({ outcome: "unchanged", storyId: to });

    const alone = await moveArticle(db, { articleId: ids[1]!, toStoryId: "new" });
    expect(alone.created).toBe(true);
    expect((await getStory(db, alone.toStoryId))!.articles.map((a) => a.id)).toEqual([ids[1]]);
    const back = await moveArticle(db, { articleId: ids[1]!, toStoryId: to });
    expect(back.emptied).toBe(true);
    expect(await resolveStoryId(db, alone.toStoryId)).toBe(to);
    expect(
      (await listStoryMerges(db, to)).some((m) => m.kind === "emptied" && m.fromId === alone.toStoryId),
    ).toBe(true);
    await expectConsistent();
  });

  it("splits the chosen articles off into a new story and keeps the rest", async () => {
    await ingest(warmup);
    const ids = await ingest(event(4).map(dated));
    const storyId = await storyIdOf(ids[0]!);
    const members = (await getStory(db, storyId))!.articles.map((a) => a.id);
    expect(members.length).toBeGreaterThanOrEqual(3);
    const split = await splitStory(db, { storyId, articleIds: members.slice(0, 2) });
    expect((await getStory(db, split.newStoryId))!.articles.map((a) => a.id).sort()).toEqual(
      members.slice(0, 2).sort(),
    );
    expect((await getStory(db, storyId))!.articles.map((a) => a.id).sort()).toEqual(members.slice(2).sort());
    expect(await storyOfArticle(db, members[0]!)).toMatchObject({ storyId: split.newStoryId, pinned: true });
    await expectConsistent();

    await rejects(splitStory(db, { storyId, articleIds: members.slice(2) }), "BAD_REQUEST");
    await rejects(splitStory(db, { storyId, articleIds: [members[0]!] }), "BAD_REQUEST");
    await rejects(splitStory(db, { storyId, articleIds: [] }), "BAD_REQUEST");
    await rejects(splitStory(db, { storyId: crypto.randomUUID(), articleIds: [members[2]!] }), "NOT_FOUND");
  });

  it("answers unknown or malformed ids with typed errors, and reads with null", async () => {
    const [id] = await ingest([dated(wcl[0]!)]);
    const storyId = await storyIdOf(id!);
    const unclustered = await insertArticle(db, { title: "Not yet", text: "", publishedAt: null });
    await rejects(assignArticleToStory(db, { articleId: "42" }), "BAD_REQUEST");
    await rejects(assignArticleToStory(db, { articleId: crypto.randomUUID() }), "NOT_FOUND");
    await rejects(moveArticle(db, { articleId: crypto.randomUUID(), toStoryId: storyId }), "NOT_FOUND");
    await rejects(moveArticle(db, { articleId: id!, toStoryId: crypto.randomUUID() }), "NOT_FOUND");
    await rejects(moveArticle(db, { articleId: id!, toStoryId: "latest" }), "BAD_REQUEST");
    await rejects(moveArticle(db, { articleId: unclustered, toStoryId: storyId }), "BAD_REQUEST");
    await rejects(listStories(db, { limit: 0 }), "BAD_REQUEST");
    await rejects(listStories(db, { limit: 10, cursor: "abc" }), "BAD_REQUEST");
    await rejects(listStories(db, { limit: 10, since: "yesterday" }), "BAD_REQUEST");
    expect(await getStory(db, "nope")).toBeNull();
    expect(await getStory(db, crypto.randomUUID())).toBeNull();
    expect(await resolveStoryId(db, crypto.randomUUID())).toBeNull();
    expect(await storyOfArticle(db, unclustered)).toBeNull();
    expect(await listStoryMerges(db, "nope")).toEqual([]);
    expect((await getStory(db, storyId.toUpperCase()))?.redirectedFrom).toBeNull();
  });

  it("serializes concurrent assignments from two connections: no deadlock, every term counted once", async () => {
    const other = createDatabase(url, { max: 4 });
    try {
      const earlier = await ingest(warmup);
      // Two events' reports at once: several join the same story at the same time.
      const ids: string[] = [];
      for (const doc of [...event(1), ...event(5)]) ids.push(await insertArticle(db, doc));
      const results = await Promise.all(
        ids.map((articleId, i) => assignArticleToStory(i % 2 ? other : db, { articleId })),
      );
      expect(results.every((r) => r.outcome === "assigned")).toBe(true);
      expect(results.filter((r) => !r.created).length).toBeGreaterThanOrEqual(6);
      const expected = new Map<string, number>();
      for (const doc of await loadClusterDocs(db, [...earlier, ...ids]))
        for (const term of extractFeatures(doc, DEFAULT_CLUSTER_OPTIONS).counts.keys())
          expected.set(term, (expected.get(term) ?? 0) + 1);
      const { rows } = await db.execute(sql`select term, df from cluster_terms`);
      expect(new Map(rows.map((r) => [r.term as string, r.df as number]))).toEqual(expected);
      expect((await corpus()).documents).toBe(earlier.length + ids.length);
      await expectConsistent();
    } finally {
      await closeDatabase(other);
    }
  });

  it("makes an assignment wait while another process holds the story lock", async () => {
    const [id] = await ingest([wcl[0]!]);
    const next = await insertArticle(db, wcl[1]!);
    const holder = await db.$client.connect();
    try {
      await holder.query("begin");
      await holder.query("select pg_advisory_xact_lock($1)", [STORY_LOCK_KEY]);
      let done = false;
      const waiting = assignArticleToStory(db, { articleId: next }).then((r) => {
        done = true;
        return r;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(done).toBe(false);
      await holder.query("commit");
      expect((await waiting).outcome).toBe("assigned");
    } finally {
      await holder.query("rollback").catch(() => {});
      holder.release();
    }
    expect(await storyOfArticle(db, id!)).not.toBeNull();
  });

  it("keeps stories consistent when articles are deleted, and repairs their summaries", async () => {
    await ingest(warmup);
    const ids = await ingest(event(5).map(dated));
    const storyId = await storyIdOf(ids[0]!);
    const members = (await getStory(db, storyId))!.articles.map((a) => a.id);
    await db.execute(sql`delete from articles where id = ${members[0]}`);
    expect((await getStory(db, storyId))!.articleCount).toBe(members.length - 1);
    const repair = await repairStories(db);
    expect(repair.rebuilt).toContain(storyId);
    await expectConsistent();
    expect((await repairStories(db)).rebuilt).toEqual([]);

    await db.execute(sql`delete from articles where id = any(${sql.param(members.slice(1))}::uuid[])`);
    expect((await repairStories(db)).emptied).toContain(storyId);
    expect((await listStories(db, { limit: 50 })).stories.map((s) => s.id)).not.toContain(storyId);
    expect((await getStory(db, storyId))?.articles).toEqual([]);
    await expectConsistent();
  });

  it("loads an enriched article as the worker's clustering input", async () => {
    const seed = new URL("../../../../../shared/seeds/000_692c35d782a7bbcb.txt", import.meta.url);
    const [title, ...rest] = readFileSync(seed, "utf8").split(/\n\s*\n/);
    const publishedAt = "2026-03-20T09:30:00.000Z";
    const id = await insertArticle(db, { title: title!.trim(), text: rest.join("\n\n"), publishedAt });
    const { rows } = await db.execute(
      sql`select n, kind, text from paragraphs where article_id = ${id} order by n`,
    );
    const paragraphs = rows as Array<{ n: number; kind: "paragraph"; text: string }>;
    const input = { paragraphs, language: "en", publishedAt };
    const { enrichment, termCounts } = enrichArticle(input);
    expect(enrichmentTerms(input).length).toBeGreaterThan(0);
    await storeEnrichment(db, id, enrichment, termCounts);

    const [doc] = await loadClusterDocs(db, [id, crypto.randomUUID()]);
    const expected = articleClusterDoc(
      id,
      { title: title!.trim(), paragraphs, publishedAt, language: "en" },
      enrichment,
    );
    expect(expected.entities!.length).toBeGreaterThan(0);
    const sorted = (d: ClusterDoc) => ({
      ...d,
      entities: [...(d.entities ?? [])].sort(),
      figures: [...(d.figures ?? [])].sort(),
      dates: [...(d.dates ?? [])].sort(),
    });
    expect(sorted(doc!)).toEqual(sorted(expected));
  });
});
