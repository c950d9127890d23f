import { describe, expect, it } from "vitest";
import { enrichArticle } from "../enrich/index";
import type { ComparisonArticleInput } from "../schemas/comparison";
import { compareArticles } from "./compare";

function article(id: string, source: string, texts: string[]): ComparisonArticleInput {
  const paragraphs = texts.map((text, i) => ({ n: i + 1, kind: "paragraph" as const, text }));
  const { enrichment } = enrichArticle({ paragraphs, language: "en", publishedAt: null });
  return {
    id,
    title: texts[0]!,
    paragraphs,
    publishedAt: null,
    language: "en",
    source: { name: source, country: "US" },
    genre: null,
    enrichment,
  };
}

describe("word choice for acts and things", () => {
  const left = article("left", "Left", [
    "The Democratic National Committee filed a federal lawsuit against the Trump campaign on Friday in Manhattan.",
    "The lawsuit names WikiLeaks and Russia's military intelligence agency.",
  ]);
  const right = article("right", "Right", [
    "The Democratic National Committee filed a sham lawsuit against the Trump campaign on Friday in Manhattan.",
    "The sham lawsuit names WikiLeaks and Russia's military intelligence agency.",
  ]);
  const comparison = compareArticles({
    sides: [
      { label: "L", articles: [left] },
      { label: "R", articles: [right] },
    ],
  });

  it("pairs the phrases two sides build on one head in a fact they share, with both sentences cited", () => {
    const lawsuit = comparison.wordChoice.actions.find((a) => a.concept === "lawsuit");
    expect(lawsuit?.differs).toBe(true);
    const pair = lawsuit!.pairs[0]!;
    expect(pair.phrases.map((p) => [p.side, p.text])).toEqual([
      ["L", "a federal lawsuit"],
      ["R", "a sham lawsuit"],
    ]);
    expect(pair.phrases.map((p) => p.citation.paragraph)).toEqual([1, 1]);
    const right = lawsuit!.sides.find((s) => s.side === "R")!;
    expect(right.phrases.find((p) => p.text === "a sham lawsuit")?.exclusive).toBe(true);
  });

  it("pairs no phrase both sides write the same way", () => {
    const texts = comparison.wordChoice.actions.flatMap((a) =>
      a.pairs.flatMap((p) => p.phrases.map((x) => x.text)),
    );
    expect(texts).not.toContain("military intelligence agency");
  });
});
