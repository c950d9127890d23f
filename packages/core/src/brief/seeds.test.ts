import { describe, expect, it } from "vitest";
import { zBriefing } from "../schemas/briefing";
import { seedStory } from "./__fixtures__/corpus";
import { buildBriefing, checkCitations, renderBriefingMarkdown } from "./index";

const articles = seedStory();
const briefing = buildBriefing(articles);
const citesBoth = (citations: ReadonlyArray<{ articleId: string }>) =>
  ["nippon", "caixin"].every((id) => citations.some((c) => c.articleId === id));
const pointText = (point: (typeof briefing.keyPoints)[number]) =>
  point.sentences.map((s) => s.text).join(" ");
const pointCitations = (point: (typeof briefing.keyPoints)[number]) =>
  point.sentences.flatMap((s) => s.citations);

describe("the seeds' briefing (nippon.com and Caixin, one story)", () => {
  it("is a valid briefing of 3 to 7 key points whose every citation supports its text", () => {
    expect(() => zBriefing.parse(briefing)).not.toThrow();
    expect(briefing.keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(briefing.keyPoints.length).toBeLessThanOrEqual(7);
    expect(checkCitations(briefing, articles)).toEqual([]);
  });

  it.each([
    ["the 19 March summit", /March 19|19 March/],
    ["the $550 billion investment pledge", /\$550 billion/],
    ["the two-thirds majority in the lower house", /two-thirds/],
    ["the coalition short of a supermajority in the upper house", /upper house|House of Councillors/],
  ])("has %s in a key point citing both outlets", (_, pattern) => {
    const points = briefing.keyPoints.filter((p) => pattern.test(pointText(p)));
    expect(points.some((p) => citesBoth(pointCitations(p)))).toBe(true);
  });

  it("ranks the points both outlets make above those only one makes", () => {
    const counts = briefing.keyPoints.map((p) => p.articleIds.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBe(2);
  });

  it("has the 19 March summit on the timeline once, expected for both articles and citing both", () => {
    const summit = briefing.timeline.filter((e) => e.date === "2026-03-19");
    expect(summit).toHaveLength(1);
    expect(summit[0]!.expected).toBe(true);
    expect(citesBoth(summit[0]!.event.citations)).toBe(true);
    expect(summit[0]!.conflict).toBe(false);
  });

  it("carries the dated entries of Caixin's own timeline, citing the paragraphs they are in", () => {
    const caixin = articles[1]!;
    for (const entry of caixin.digest!.timeline) {
      const found = briefing.timeline.find(
        (e) =>
          e.dates.includes(entry.date) &&
          e.reports.some(
            (r) =>
              r.articleId === "caixin" && caixin.paragraphs[r.citation.paragraph - 1]!.text === entry.text,
          ),
      );
      expect(found, `${entry.label} ${entry.text}`).toBeDefined();
    }
  });

  it("keeps event dates apart from publication dates and judges 'expected' per article", () => {
    const nippon = briefing.sources.find((s) => s.articleId === "nippon")!;
    expect(nippon.publishedAt?.slice(0, 10)).toBe("2026-03-12");
    expect(briefing.timeline.some((e) => e.date.startsWith("2026-03-12"))).toBe(false);
    // Caixin has no date of its own; its latest written date (February 10, 2026) stands in, and says so.
    const caixin = briefing.sources.find((s) => s.articleId === "caixin")!;
    expect(caixin).toMatchObject({ publishedAt: null, referenceDate: "2026-02-10" });
    const past = briefing.timeline.find((e) => e.date === "2025-09")!;
    expect(past.expected).toBe(false);
  });

  it("lists who's involved with lines from the text and mentions per source", () => {
    const takaichi = briefing.entities.find((e) => e.slug === "sanae-takaichi")!;
    expect(takaichi.description?.text).toMatch(/Prime Minister/);
    expect(takaichi.mentions.map((m) => m.source)).toEqual(["nippon.com", "Caixin"]);
    expect(briefing.entities.find((e) => e.slug === "donald-trump")).toBeDefined();
  });

  it("merges the $550 billion figure across sources without a conflict", () => {
    const pledge = briefing.figures.find((f) => f.unit === "USD" && f.values.some((v) => v.value === 550e9))!;
    expect(pledge.conflict).toBe(false);
    expect(pledge.articleIds).toEqual(["nippon", "caixin"]);
  });

  it("labels nippon.com's column opinion and Caixin's piece analysis, from their texts", () => {
    expect(briefing.sources.map((s) => [s.label, s.genre])).toEqual([
      ["nippon.com", "opinion"],
      ["Caixin", "analysis"],
    ]);
  });

  it("takes a neutral headline from a title, without its kicker", () => {
    expect(briefing.headline?.text).toBe(
      "Japan’s New Leader Navigates a High-Stakes Balancing Act Between China and the U.S.",
    );
  });

  it("renders numbered key points ending in their citations", () => {
    const markdown = renderBriefingMarkdown(briefing);
    expect(markdown).toMatch(
      /^1\. .+\[(?:nippon\.com|Caixin) ¶\d+(?:, (?:(?:nippon\.com|Caixin) )?¶\d+)*\]/m,
    );
    expect(markdown).toContain("## Timeline");
    expect(markdown).toMatch(/\*\*2026-03-19\*\* \(expected\)/);
  });
});
