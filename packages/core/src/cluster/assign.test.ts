import { describe, expect, it } from "vitest";
import { background, earthquakes, recall, summits } from "./__fixtures__/articles";
import { assignArticle } from "./assign";
import { MemoryStoryIndex } from "./memory-index";
import { DEFAULT_CLUSTER_OPTIONS } from "./options";
import type { Assignment, CandidateQuery, ClusterDoc, StorySummary } from "./types";

async function run(docs: readonly ClusterDoc[], index = new MemoryStoryIndex()) {
  const results: Assignment[] = [];
  for (const doc of docs) results.push(await assignArticle(doc, index, DEFAULT_CLUSTER_OPTIONS));
  const storyOf = (id: string) => index.resolve(results[docs.findIndex((d) => d.id === id)]!.storyId);
  return { index, results, storyOf };
}

const undated = (doc: ClusterDoc): ClusterDoc => ({ ...doc, publishedAt: null });

describe("assignArticle", () => {
  it("puts three outlets' reports of one recall in one story, apart from unrelated news", async () => {
    const { storyOf } = await run([...background, ...recall]);
    expect(storyOf("recall-2")).toBe(storyOf("recall-1"));
    expect(storyOf("recall-3")).toBe(storyOf("recall-1"));
    for (const doc of background) expect(storyOf(doc.id)).not.toBe(storyOf("recall-1"));
  });

  it("keeps two summits of the same leaders eleven months apart as two stories", async () => {
    const { storyOf } = await run([...background, ...summits]);
    expect(storyOf("summit-1b")).toBe(storyOf("summit-1a"));
    expect(storyOf("summit-2b")).toBe(storyOf("summit-2a"));
    expect(storyOf("summit-2a")).not.toBe(storyOf("summit-1a"));
  });

  it("keeps earthquakes in Peru and Japan apart, even on the same day", async () => {
    const sameDay = earthquakes.map((doc) =>
      doc.id.startsWith("quake-japan")
        ? { ...doc, publishedAt: doc.publishedAt!.replace("03-10", "03-05") }
        : doc,
    );
    for (const quakes of [earthquakes, sameDay]) {
      const { storyOf } = await run([...background, ...quakes]);
      expect(storyOf("quake-peru-2")).toBe(storyOf("quake-peru-1"));
      expect(storyOf("quake-japan-2")).toBe(storyOf("quake-japan-1"));
      expect(storyOf("quake-japan-1")).not.toBe(storyOf("quake-peru-1"));
    }
  });

  it("clusters undated articles by their text alone", async () => {
    const { storyOf } = await run([...background, ...recall, ...earthquakes].map(undated));
    expect(storyOf("recall-3")).toBe(storyOf("recall-1"));
    expect(storyOf("quake-peru-2")).toBe(storyOf("quake-peru-1"));
    expect(storyOf("quake-japan-1")).not.toBe(storyOf("quake-peru-1"));
  });

  it("merges two stories an article shows to be one, records it and redirects the merged id", async () => {
    const first = "Harbor bridge closed after cracks found in main span";
    const second = "Ferry operators add sailings across the bay for stranded commuters";
    const docs = [
      ...background.map(undated),
      undated({ id: "a", title: first, text: "", publishedAt: null }),
      undated({ id: "b", title: second, text: "", publishedAt: null }),
      undated({ id: "c", title: `${first}; ${second}`, text: "", publishedAt: null }),
    ];
    const { index, results, storyOf } = await run(docs);
    const bridge = results.at(-1)!;
    expect(bridge.created).toBe(false);
    expect(bridge.merged).toHaveLength(1);
    const [merge] = bridge.merged;
    expect([merge!.into, merge!.from].sort()).toEqual(
      [results.at(-3)!.storyId, results.at(-2)!.storyId].sort(),
    );
    expect(bridge.storyId).toBe(merge!.into);
    expect(index.resolve(merge!.from)).toBe(merge!.into);
    expect(storyOf("a")).toBe(storyOf("b"));
    expect(index.merges).toEqual([merge]);
    expect(index.story(merge!.from)!.size).toBe(3);
  });

  it("gives the same stories for the same arrival order", async () => {
    const docs = [...background, ...recall, ...summits, ...earthquakes];
    const once = (await run(docs)).results;
    const again = (await run(docs)).results;
    expect(again).toEqual(once);
  });

  it("asks the index for a bounded number of candidates however many stories it holds", async () => {
    const index = new MemoryStoryIndex();
    const asked: CandidateQuery[] = [];
    const loaded: number[] = [];
    const candidates = index.candidates.bind(index);
    const loadStories = index.loadStories.bind(index);
    index.candidates = (query) => {
      asked.push(query);
      return candidates(query);
    };
    index.loadStories = (ids): StorySummary[] => {
      loaded.push(ids.length);
      return loadStories(ids);
    };
    // 400 articles, each its own story, all sharing the words "council" and "budget".
    const docs = Array.from({ length: 400 }, (_, i) => ({
      id: `d${i}`,
      title: `Council budget vote ${i.toString(36)}x${(i * 7919).toString(36)} delayed`,
      text: "",
      publishedAt: null,
    }));
    await run(docs, index);
    const { candidates: limit, queryTerms, postingsPerTerm } = DEFAULT_CLUSTER_OPTIONS;
    expect(Math.max(...asked.map((q) => q.limit))).toBe(limit);
    expect(Math.max(...asked.map((q) => q.terms.length))).toBeLessThanOrEqual(queryTerms);
    expect(Math.max(...loaded)).toBeLessThanOrEqual(limit);
    expect(index.calls.postingsRead / asked.length).toBeLessThanOrEqual(queryTerms * postingsPerTerm);
  });

  it("does not fail on an empty article or one of only function words", async () => {
    const docs = [
      { id: "empty", title: "", text: "", publishedAt: null },
      { id: "blank", title: "   ", text: "\n\n", publishedAt: "not a date" },
      { id: "stop", title: "The and of", text: "It was what it is.", publishedAt: "2026-03-01T00:00:00Z" },
      ...recall,
    ];
    const { results, storyOf } = await run(docs);
    expect(results.slice(0, 3).every((r) => r.created)).toBe(true);
    expect(storyOf("recall-2")).toBe(storyOf("recall-1"));
  });
});
