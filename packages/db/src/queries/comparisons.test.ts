import { describe, expect, it } from "vitest";
import { type ComparisonArticleState, comparisonKey, notComparableReason } from "./comparisons";

const state = (id: string, overrides: Partial<ComparisonArticleState> = {}): ComparisonArticleState => ({
  id,
  status: "ready",
  duplicateOf: null,
  contentHash: "a".repeat(64),
  normalizerVersion: 3,
  title: "Japan's new leader",
  genre: null,
  publishedAt: "2026-03-12T00:00:00.000Z",
  language: "en",
  url: null,
  source: { name: "nippon.com", country: null },
  enrichment: { version: 2, outputHash: "b".repeat(64), error: null },
  ...overrides,
});

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const key = (
  articles: ComparisonArticleState[],
  grouping: Parameters<typeof comparisonKey>[0]["grouping"] = "article",
  version = 1,
) => comparisonKey({ version, grouping, articles });

describe("comparisonKey", () => {
  it("is a sha256 that does not depend on the order the articles are given in", () => {
    expect(key([state(A), state(B)])).toMatch(/^[0-9a-f]{64}$/);
    expect(key([state(A), state(B)])).toBe(key([state(B), state(A)]));
  });

  it("changes when an article's text, enrichment, engine or metadata changes", () => {
    const base = key([state(A), state(B)]);
    const changed: Partial<ComparisonArticleState>[] = [
      { contentHash: "c".repeat(64) },
      { normalizerVersion: 4 },
      { enrichment: { version: 2, outputHash: "d".repeat(64), error: null } },
      { enrichment: { version: 3, outputHash: "b".repeat(64), error: null } },
      { title: "Another title" },
      { genre: "opinion" },
      { publishedAt: "2026-03-13T00:00:00.000Z" },
      { source: { name: "Caixin", country: null } },
      { source: { name: "nippon.com", country: "JP" } },
    ];
    const keys = changed.map((overrides) => key([state(A), state(B, overrides)]));
    for (const k of keys) expect(k).not.toBe(base);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("changes with the comparison engine's version and with the set of articles", () => {
    const base = key([state(A), state(B)]);
    expect(key([state(A), state(B)], "article", 2)).not.toBe(base);
    expect(key([state(A), state("00000000-0000-4000-8000-00000000000c")])).not.toBe(base);
  });

  it("tells groupings apart, and label maps by their entries whatever their order", () => {
    const articles = [state(A), state(B)];
    const keys = ["article", "outlet", "country"].map((by) => key(articles, by as "article"));
    expect(new Set(keys).size).toBe(3);
    const labels = key(articles, { labels: { "nippon.com": "Japan", Caixin: "China" } });
    expect(key(articles, { labels: { Caixin: "China", "nippon.com": "Japan" } })).toBe(labels);
    expect(key(articles, { labels: { Caixin: "PRC", "nippon.com": "Japan" } })).not.toBe(labels);
    expect(keys).not.toContain(labels);
  });
});

describe("notComparableReason", () => {
  it("names why an article cannot be compared, and nothing for a ready, enriched one", () => {
    expect(notComparableReason(state(A))).toBeNull();
    expect(notComparableReason(state(A, { status: "processing" }))).toBe("still being processed");
    expect(notComparableReason(state(A, { status: "failed" }))).toBe("could not be processed");
    expect(notComparableReason(state(A, { status: "duplicate", duplicateOf: B }))).toBe(
      `a copy of article ${B}`,
    );
    expect(notComparableReason(state(A, { enrichment: null }))).toBe("not enriched yet");
    expect(
      notComparableReason(
        state(A, { enrichment: { version: 2, outputHash: "e".repeat(64), error: "boom" } }),
      ),
    ).toBe("its enrichment failed");
  });
});
