import { describe, expect, it } from "vitest";
import { MemoryStoryIndex } from "./memory-index";
import type { NewStory } from "./types";

const story = (lastAt: number | null, terms: string[] = []): NewStory => ({
  size: 1,
  firstAt: lastAt,
  lastAt,
  terms: terms.map((term) => [term, 1, 1]),
  norm: 1,
  normDocuments: 1,
});
const query = (terms: string[], since: number | null = null, perTerm = 10, limit = 10) => ({
  terms: terms.map((term) => ({ term, weight: 1 })),
  since,
  perTerm,
  limit,
});

describe("MemoryStoryIndex", () => {
  it("counts document frequencies once per document and tracks corpus length", () => {
    const index = new MemoryStoryIndex();
    index.addDocument(["w:a", "w:b", "w:a"], 3);
    index.addDocument(["w:a"], 5);
    expect(index.stats()).toEqual({ documents: 2, totalLength: 8 });
    expect(index.documentFrequencies(["w:a", "w:b", "w:c"])).toEqual(
      new Map([
        ["w:a", 2],
        ["w:b", 1],
        ["w:c", 0],
      ]),
    );
  });

  it("ranks candidates by shared query weight and leaves out stories last updated before `since`", () => {
    const index = new MemoryStoryIndex();
    const old = index.createStory(story(1_000), ["w:a", "w:b"]);
    const recent = index.createStory(story(5_000), ["w:a"]);
    const both = index.createStory(story(6_000), ["w:a", "w:b"]);
    // Ties in shared weight go by id, so the order never depends on how the index iterates.
    expect(index.candidates(query(["w:a", "w:b"]))).toEqual([old, both, recent]);
    expect(index.candidates(query(["w:a", "w:b"], 2_000))).toEqual([both, recent]);
    expect(index.candidates(query(["w:a", "w:b"], null, 10, 1))).toEqual([old]);
  });

  it("keeps only the most recently updated stories under a term, and reads at most `perTerm` of them", () => {
    const index = new MemoryStoryIndex(3);
    const ids = Array.from({ length: 5 }, (_, i) => index.createStory(story(i), ["w:common"]));
    expect(index.candidates(query(["w:common"])).sort()).toEqual(ids.slice(2).sort());
    index.saveStory({ ...story(9), id: ids[0]! }, ["w:common"]);
    expect(index.candidates(query(["w:common"], null, 2))).toEqual([ids[0], ids[4]].sort());
  });

  it("redirects a merged story's id and drops it from candidates", () => {
    const index = new MemoryStoryIndex();
    const a = index.createStory(story(1), ["w:x"]);
    const b = index.createStory(story(2), ["w:x"]);
    const c = index.createStory(story(3), ["w:y"]);
    index.recordMerge({ into: b, from: a, at: null, reason: "test" });
    index.recordMerge({ into: c, from: b, at: null, reason: "test" });
    expect(index.resolve(a)).toBe(c);
    expect(index.candidates(query(["w:x"]))).toEqual([]);
    expect(index.loadStories([a, b, c]).map((s) => s.id)).toEqual([c]);
    expect(index.storyCount).toBe(1);
  });
});
