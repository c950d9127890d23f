import { describe, expect, it } from "vitest";
import type { Block } from "./blocks";
import { looksLikeListing } from "./html-body-listing";

const headline = (text: string): Block => ({ kind: "heading", text, linkChars: text.length });
const paragraph = (text: string, linkChars = 0): Block => ({ kind: "paragraph", text, linkChars });
const EXCERPT = "A short summary of the story that the teaser shows under its headline, two lines long.";
const TEXT =
  "A paragraph of the article itself, long enough to be a paragraph and written without any links in it.";

describe("looksLikeListing", () => {
  it("knows a list of teasers: linked headlines, each with a line of text", () => {
    const blocks = [1, 2, 3, 4, 5].flatMap((i) => [
      headline(`Story number ${i}`),
      paragraph(EXCERPT),
      paragraph("3 March"),
    ]);
    expect(looksLikeListing(blocks)).toBe(true);
  });

  it("reads an article with related headlines at its end as an article", () => {
    const blocks = [
      paragraph(TEXT),
      paragraph(TEXT),
      paragraph(TEXT),
      ...[1, 2, 3, 4, 5].map((i) => headline(`Related ${i}`)),
    ];
    expect(looksLikeListing(blocks)).toBe(false);
  });

  it("reads an article with 'read more' links between runs of paragraphs as an article", () => {
    const run = [paragraph(TEXT), paragraph(TEXT), paragraph(TEXT)];
    const blocks = [1, 2, 3, 4, 5].flatMap((i) => [...run, headline(`Read more: story ${i}`)]);
    expect(looksLikeListing(blocks)).toBe(false);
  });

  it("needs at least four teasers", () => {
    const blocks = [1, 2, 3].flatMap((i) => [headline(`Story ${i}`), paragraph(EXCERPT)]);
    expect(looksLikeListing(blocks)).toBe(false);
  });
});
