import { describe, expect, it } from "vitest";
import { enrichArticle } from "../enrich/index";
import type { Genre } from "../schemas/article";
import type { Paragraph } from "../schemas/paragraph";
import { readGenre } from "./opinion";

function genreOf(title: string, texts: string[], genre: Genre | null = null) {
  const paragraphs: Paragraph[] = texts.map((text, i) => ({ n: i + 1, kind: "paragraph", text }));
  const { enrichment } = enrichArticle({ paragraphs, language: "en", publishedAt: null });
  return readGenre({ title, genre, paragraphs, quotes: enrichment.quotes });
}

const REPORT = [
  "The government announced new export restrictions on Tuesday.",
  "The measures cover dual-use goods and take effect next month.",
  '"We must protect our industry," the minister said at a news conference.',
  "Officials said the rules would be reviewed in a year.",
  "Exporters will need licenses for 40 products.",
  "Shares of the affected companies fell 3 percent.",
  "The ministry did not give further details.",
  "Trade partners were informed last week.",
];
const COLUMN = [
  "What should Japan do now?",
  "I would like to propose a different course.",
  "We must not let these commitments impose an excessive burden.",
  "The government should reaffirm its commitment to dialogue.",
  "Of course, we need to be careful.",
  "Japan needs to demonstrate its determination.",
  "It is time for both sides to act.",
  "The summit was held in March.",
];

describe("readGenre", () => {
  it("keeps a report with a quoted speaker's 'we must' as news", () => {
    expect(genreOf("Exports curbed", REPORT)).toMatchObject({ genre: "news", basis: "text" });
  });

  it("reads an undeclared column as opinion from its author's own voice", () => {
    const reading = genreOf("A path for Japan", COLUMN, "news");
    expect(reading).toMatchObject({ genre: "opinion", basis: "text" });
    expect(reading.signals).toBeGreaterThan(50);
  });

  it("trusts what the page declared, then a title kicker", () => {
    expect(genreOf("Exports curbed", REPORT, "opinion")).toMatchObject({
      genre: "opinion",
      basis: "declared",
    });
    expect(genreOf("Analysis: Exports curbed", REPORT)).toMatchObject({ genre: "analysis", basis: "title" });
  });
});
