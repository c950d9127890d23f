import { describe, expect, it } from "vitest";
import { seedInput } from "./__fixtures__/seeds";
import { compareArticles } from "./compare";
import { formatCitations, renderComparisonMarkdown } from "./markdown";

describe("renderComparisonMarkdown", () => {
  const markdown = renderComparisonMarkdown(compareArticles(seedInput()));

  it("has every part of the comparison, with paragraph citations", () => {
    for (const heading of [
      "## Overview",
      "## Similarity",
      "## Shared facts",
      "### Only nippon.com",
      "### Only Caixin",
      "## Conflicts",
      "## Word choice",
      "## Voices",
      "## Emphasis and tone",
    ])
      expect(markdown).toContain(heading);
    expect(markdown).toMatch(/\[nippon\.com ¶8\] _\(opinion\)_ When US President Donald Trump welcomes/);
    expect(markdown).toContain("AFINN-165");
  });

  it("groups citations by source with paragraphs in order", () => {
    const c = (source: string, paragraph: number) => ({ articleId: source, side: source, source, paragraph });
    expect(formatCitations([c("B", 12), c("A", 3), c("B", 8), c("B", 8)])).toBe("[B ¶8, ¶12; A ¶3]");
  });
});
