import { describe, expect, it } from "vitest";
import { readSeed } from "../../normalize/__fixtures__/seeds";
import { zKeyword } from "../../schemas/enrichment";
import type { Paragraph } from "../../schemas/paragraph";
import { distinctiveTerms, termCounts } from "./index";
import { stopWords } from "./stopwords";

/** Seed text as paragraphs, one per non-empty line (what the normalizer gives, without depending on it). */
const paragraphs = (name: string): Paragraph[] =>
  readSeed(name)
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text, i) => ({ n: i + 1, kind: "paragraph", text }));

const NIPPON = paragraphs("000_692c35d782a7bbcb.txt");
const CAIXIN = paragraphs("002_41147d8f43a0c177.txt");

function corpusOf(documents: Paragraph[][]) {
  const frequency = new Map<string, number>();
  for (const document of documents)
    for (const term of termCounts(document).keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return { documents: documents.length, documentFrequency: (term: string) => frequency.get(term) ?? 0 };
}

describe("distinctiveTerms", () => {
  const keywords = distinctiveTerms(NIPPON, corpusOf([NIPPON, CAIXIN]));

  it("ranks the article's own names and phrases high against a two-article corpus", () => {
    expect(keywords.length).toBe(20);
    expect(keywords.slice(0, 5).some((keyword) => keyword.term.includes("takaichi"))).toBe(true);
    expect(keywords.map((keyword) => keyword.term)).toContain("united states");
  });

  it("returns no stop words, no bare numbers, positive counts, best first", () => {
    const english = stopWords("en");
    for (const keyword of keywords) {
      expect(() => zKeyword.parse(keyword)).not.toThrow();
      for (const word of keyword.term.split(" ")) expect(english.has(word)).toBe(false);
      expect(keyword.term).not.toMatch(/^[\d.,\s-]+$/);
    }
    const scores = keywords.map((keyword) => keyword.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("falls back to frequency among content words with an empty corpus", () => {
    const terms = distinctiveTerms(NIPPON, { documents: 0, documentFrequency: () => 0 }, { limit: 5 });
    expect(terms).toHaveLength(5);
    expect(terms.map((keyword) => keyword.term)).toContain("takaichi");
    expect(terms.every((keyword) => !stopWords("en").has(keyword.term))).toBe(true);
  });

  it("survives corpus statistics that make no sense", () => {
    const odd = { documents: 3, documentFrequency: (term: string) => (term.length % 2 ? Number.NaN : 99) };
    const terms = distinctiveTerms(NIPPON, odd);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.every((keyword) => Number.isFinite(keyword.score))).toBe(true);
  });

  it("handles empty input, German and Japanese text", () => {
    expect(distinctiveTerms([], { documents: 0, documentFrequency: () => 0 })).toEqual([]);
    const german: Paragraph[] = [
      {
        n: 1,
        kind: "paragraph",
        text: "Die Regierung und die Opposition streiten über den Haushalt. Die Regierung will den Haushalt kürzen.",
      },
    ];
    const germanTerms = distinctiveTerms(german, { documents: 0, documentFrequency: () => 0 }).map(
      (k) => k.term,
    );
    expect(germanTerms).toContain("regierung");
    expect(germanTerms).not.toContain("die");
    const japanese: Paragraph[] = [
      {
        n: 1,
        kind: "paragraph",
        text: "高市首相は訪米し、トランプ大統領と会談した。高市首相は会談で投資を約束した。",
      },
    ];
    const japaneseTerms = distinctiveTerms(
      japanese,
      { documents: 0, documentFrequency: () => 0 },
      { language: "ja" },
    );
    expect(japaneseTerms.some((k) => k.term.includes("首相"))).toBe(true);
    // ICU splits the unknown name into "高|市"; the tokenizer glues it back.
    expect(japaneseTerms.some((k) => k.term.includes("高市"))).toBe(true);
    expect(japaneseTerms.map((k) => k.term)).not.toContain("は");
  });
});

describe("termCounts", () => {
  it("counts content words and recurring-phrase candidates, skipping editor's notes", () => {
    const counts = termCounts(NIPPON);
    expect(counts.get("takaichi")).toBeGreaterThan(10);
    expect(counts.get("lower house")).toBe(2);
    expect(counts.has("the")).toBe(false);
    const withNote = termCounts([{ n: 1, kind: "note", text: "Originally published in Japanese." }]);
    expect(withNote.size).toBe(0);
  });

  it("ignores editorial markers in square brackets", () => {
    const counts = termCounts(CAIXIN);
    expect(counts.has("para")).toBe(false);
  });
});
