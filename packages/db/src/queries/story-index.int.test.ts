import {
  type Assignment,
  assignArticle,
  type ClusterDoc,
  type ClusterOptions,
  DEFAULT_CLUSTER_OPTIONS,
  MemoryStoryIndex,
} from "@parallax/core/cluster";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { bridge, newswcl, shuffled } from "../__fixtures__/stories";
import { closeDatabase, createDatabase, type Database } from "../client";
import * as schema from "../schema/index";
import { lockStories, PgStoryIndex } from "./story-index";
import { resolveStoryId } from "./stories";

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 2 });
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

beforeEach(async () => {
  await db.execute(
    sql`truncate cluster_corpus, cluster_terms, stories, story_postings, story_merges cascade`,
  );
});

/** The same articles dated: one event every three days, its reports over two days, in time order. */
function dated(docs: ReturnType<typeof newswcl>): ClusterDoc[] {
  const start = Date.parse("2026-01-05T06:00:00Z");
  return docs
    .map((doc, i) => ({
      ...doc,
      publishedAt: new Date(start + doc.event * 3 * 86_400_000 + (i % 5) * 9 * 3_600_000).toISOString(),
    }))
    .sort((x, y) => (x.publishedAt < y.publishedAt ? -1 : x.publishedAt > y.publishedAt ? 1 : 0));
}

interface Run {
  results: Assignment[];
  /** Doc ids grouped by the story each ended in, as sorted lists: comparable across indexes. */
  partition: string[][];
}

function partitionOf(docs: readonly ClusterDoc[], finalStory: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const [i, doc] of docs.entries()) {
    const story = finalStory[i]!;
    groups.set(story, [...(groups.get(story) ?? []), doc.id]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
}

async function inMemory(docs: readonly ClusterDoc[], options: ClusterOptions): Promise<Run> {
  const index = new MemoryStoryIndex();
  const results: Assignment[] = [];
  for (const doc of docs) results.push(await assignArticle(doc, index, options));
  return {
    results,
    partition: partitionOf(
      docs,
      results.map((r) => index.resolve(r.storyId)),
    ),
  };
}

async function inPostgres(
  docs: readonly ClusterDoc[],
  options: ClusterOptions,
  newStoryId?: () => string,
): Promise<Run & { indexes: PgStoryIndex[] }> {
  const results: Assignment[] = [];
  const indexes: PgStoryIndex[] = [];
  for (const doc of docs) {
    const result = await db.transaction(async (tx) => {
      await lockStories(tx);
      const index = new PgStoryIndex(tx, newStoryId ? { newStoryId } : {});
      indexes.push(index);
      const assignment = await assignArticle(doc, index, options);
      await index.flush();
      return assignment;
    });
    results.push(result);
  }
  const final = await Promise.all(results.map(async (r) => (await resolveStoryId(db, r.storyId))!));
  return { results, partition: partitionOf(docs, final), indexes };
}

/** What an assignment decided, without the ids each index makes up. */
const decisions = (run: Run) =>
  run.results.map((r) => ({ created: r.created, score: r.score, merges: r.merged.length }));

/**
 * UUIDs that sort as MemoryStoryIndex's `s1`, `s2`, … do (both break ties by id): the characters' hex codes,
 * zero-padded, so "s10" sorts after "s1" and before "s2" here too.
 */
function memoryOrderedIds(): (() => string) & { of: (memoryId: string) => string } {
  const of = (memoryId: string) => {
    const hex = Buffer.from(memoryId).toString("hex").padEnd(32, "0");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  let n = 0;
  return Object.assign(() => of(`s${++n}`), { of });
}

describe("PgStoryIndex", () => {
  const wcl = newswcl();

  it("assigns like MemoryStoryIndex: same decisions, same scores to the bit, same stories, same merges", async () => {
    const docs = [...shuffled(wcl, 7).slice(0, 37), ...bridge];
    const memory = await inMemory(docs, DEFAULT_CLUSTER_OPTIONS);
    const pg = await inPostgres(docs, DEFAULT_CLUSTER_OPTIONS);
    // The sequence must exercise what could differ: joins, new stories and a merge.
    expect(memory.results.filter((r) => !r.created).length).toBeGreaterThan(10);
    expect(memory.results.some((r) => r.merged.length > 0)).toBe(true);
    expect(decisions(pg)).toEqual(decisions(memory));
    expect(pg.partition).toEqual(memory.partition);
  });

  it("assigns like MemoryStoryIndex on dated articles, where old stories drop out of the candidates", async () => {
    const docs = dated(wcl);
    const memory = await inMemory(docs, DEFAULT_CLUSTER_OPTIONS);
    const pg = await inPostgres(docs, DEFAULT_CLUSTER_OPTIONS);
    expect(decisions(pg)).toEqual(decisions(memory));
    expect(pg.partition).toEqual(memory.partition);
  });

  it("assigns like MemoryStoryIndex when the per-term and candidate bounds bite", async () => {
    const tight: ClusterOptions = {
      ...DEFAULT_CLUSTER_OPTIONS,
      postingsPerTerm: 2,
      candidates: 2,
      queryTerms: 8,
      postingTerms: 12,
      storyTerms: 40,
      threshold: 0.1,
    };
    const docs = [...shuffled(wcl, 11).slice(0, 37), ...bridge];
    const memory = await inMemory(docs, tight);
    const pg = await inPostgres(docs, tight, memoryOrderedIds());
    expect(decisions(pg)).toEqual(decisions(memory));
    expect(pg.partition).toEqual(memory.partition);
    for (const index of pg.indexes)
      expect(index.calls.postingsRead).toBeLessThanOrEqual(tight.queryTerms * tight.postingsPerTerm);
  });

  it("breaks ties between candidates by story id, as MemoryStoryIndex does", async () => {
    // Twelve council stories forty days apart (so none joins another), then undated reports that share only
    // "council budget" with all of them: every story is found under the same terms, their shared weights
    // tie, and the candidate limit keeps the two with the smallest ids.
    const topics = [
      "libraries",
      "potholes",
      "tramline",
      "harbour",
      "parks",
      "schools",
      "housing",
      "buses",
      "bins",
      "markets",
      "museums",
      "bridges",
    ];
    const stories: ClusterDoc[] = topics.map((topic, i) => ({
      id: `council-${topic}`,
      title: `Council budget cuts ${topic} spending`,
      text: `The council budget reduces money for ${topic} next year, officials said.`,
      publishedAt: new Date(Date.parse("2026-01-01T00:00:00Z") + i * 40 * 86_400_000).toISOString(),
    }));
    const reports: ClusterDoc[] = Array.from({ length: 4 }, (_, i) => ({
      id: `report-${i}`,
      title: `Council budget approved after ${["long", "late", "tense", "short"][i]} debate`,
      text: "The council budget was approved.",
      publishedAt: null,
    }));
    const options = { ...DEFAULT_CLUSTER_OPTIONS, candidates: 2, postingsPerTerm: 6 };
    const docs = [...stories, ...reports];
    const memory = await inMemory(docs, options);
    const pg = await inPostgres(docs, options, memoryOrderedIds());
    expect(memory.results.slice(topics.length).some((r) => !r.created)).toBe(true);
    expect(decisions(pg)).toEqual(decisions(memory));
    expect(pg.partition).toEqual(memory.partition);
  });

  it("reads at most perTerm postings per term, newest first, through the (term, seq) index without sorting", async () => {
    const queries: Array<{ text: string; params: unknown[] }> = [];
    const logged = drizzle(db.$client, {
      schema,
      logger: { logQuery: (text, params) => queries.push({ text, params }) },
    }) as Database;
    const memory = new MemoryStoryIndex();
    const ids = memoryOrderedIds();
    const story = { size: 1, firstAt: null, lastAt: null, terms: [], norm: 1, normDocuments: 1 };
    const query = { terms: [{ term: "w:council", weight: 1 }], since: null, perTerm: 50, limit: 10 };
    const found = await logged.transaction(async (tx) => {
      await lockStories(tx);
      const index = new PgStoryIndex(tx, { newStoryId: ids });
      for (let i = 0; i < 120; i++) {
        await index.createStory(story, ["w:council", `w:topic${i}`]);
        memory.createStory(story, ["w:council", `w:topic${i}`]);
      }
      queries.length = 0;
      const found = await index.candidates(query);
      expect(index.calls.postingsRead).toBe(50);
      return found;
    });
    // All tie on one term: the ten smallest ids among the fifty most recently saved, as in memory.
    expect(found).toEqual(memory.candidates(query).map((id) => ids.of(id)));
    const client = await db.$client.connect();
    try {
      // Index scans only, and sorts only where nothing else gives the order: a sort on seq would mean the
      // index cannot serve "newest first" (e.g. an ORDER BY whose NULLS placement differs from the index's).
      await client.query("set enable_seqscan = off; set enable_bitmapscan = off; set enable_sort = off");
      const plan = (await client.query(`explain ${queries[0]!.text}`, queries[0]!.params)).rows
        .map((r) => r["QUERY PLAN"] as string)
        .join("\n");
      expect(plan).toMatch(/Index Scan using story_postings_term_seq_idx/);
      expect(plan).not.toMatch(/Sort Key: sp\.seq/);
    } finally {
      await client.query("reset enable_seqscan; reset enable_bitmapscan; reset enable_sort");
      client.release();
    }
  });
});
