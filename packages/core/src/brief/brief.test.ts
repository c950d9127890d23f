import { describe, expect, it } from "vitest";
import { enrichArticle } from "../enrich/index";
import { zBriefing } from "../schemas/briefing";
import type { Paragraph } from "../schemas/paragraph";
import { buildBriefing, checkCitations, cleanTitle, type BriefingArticle } from "./index";
import { pointText } from "./wording";

function article(
  id: string,
  title: string,
  texts: string[],
  publishedAt: string | null = "2026-03-01T00:00:00Z",
) {
  const paragraphs: Paragraph[] = texts.map((text, i) => ({ n: i + 1, kind: "paragraph", text }));
  const { enrichment } = enrichArticle({ paragraphs, language: "en", publishedAt });
  return {
    id,
    title,
    titleSource: "explicit",
    paragraphs,
    publishedAt,
    language: "en",
    genre: "news",
    source: { name: id.toUpperCase(), country: "US" },
    enrichment,
  } satisfies BriefingArticle;
}

const REUTERS = article("reuters", "Factory fire kills workers in Dhaka - Reuters", [
  "A fire at a garment factory in Dhaka killed 352 workers on Monday, officials said.",
  "The factory owner, Rahim Uddin, a textile exporter, was arrested on Tuesday.",
  "The government will hold an inquiry into the fire on March 20, the labour minister said.",
  "Over 1,000 people worked in the building when the fire broke out, according to the fire service.",
]);
const AP = article("ap", "OPINION: Dhaka factory fire shows the cost of cheap clothes", [
  "A fire at a garment factory in Dhaka killed 350 workers on Monday, officials said.",
  "Police arrested the factory owner, Rahim Uddin, on Tuesday after the fire.",
  "The government will hold an inquiry into the fire on March 24, the labour minister said.",
  "About 1,200 people worked in the building when the fire broke out.",
]);

describe("buildBriefing on a small two-source story", () => {
  const briefing = buildBriefing([REUTERS, AP]);

  it("is valid, cites every text and passes its own citation check", () => {
    expect(() => zBriefing.parse(briefing)).not.toThrow();
    expect(checkCitations(briefing, [REUTERS, AP])).toEqual([]);
  });

  it("shows both death tolls and flags them, but not 'over 1,000' against 1,200", () => {
    const deaths = briefing.figures.find((f) => f.values.some((v) => v.value === 352))!;
    expect(deaths.values.map((v) => v.value).sort()).toEqual([350, 352]);
    expect(deaths.conflict).toBe(true);
    const people = briefing.figures.find((f) => f.values.some((v) => v.value === 1200));
    expect(people?.conflict ?? false).toBe(false);
  });

  it("keeps one timeline entry for the inquiry, with both dates, flagged", () => {
    const inquiry = briefing.timeline.filter(
      (e) => e.dates.includes("2026-03-20") || e.dates.includes("2026-03-24"),
    );
    expect(inquiry).toHaveLength(1);
    expect(inquiry[0]!.conflict).toBe(true);
    expect(inquiry[0]!.dates).toEqual(["2026-03-20", "2026-03-24"]);
    expect(inquiry[0]!.expected).toBe(true);
    expect(new Set(inquiry[0]!.reports.map((r) => r.source))).toEqual(new Set(["REUTERS", "AP"]));
  });

  it("puts the fact both outlets report first, citing both", () => {
    const first = briefing.keyPoints[0]!;
    expect(first.articleIds).toEqual(["reuters", "ap"]);
  });

  it("takes the headline from the title without its kicker or outlet", () => {
    expect(briefing.headline?.text).toMatch(
      /^(?:Factory fire kills workers in Dhaka|Dhaka factory fire shows the cost of cheap clothes)$/,
    );
  });

  it("is the same briefing every time", () => {
    expect(JSON.stringify(buildBriefing([REUTERS, AP]))).toBe(JSON.stringify(briefing));
  });

  it("finds a citation moved to a paragraph that does not say the sentence", () => {
    const tampered = structuredClone(briefing);
    tampered.keyPoints[0]!.sentences[0]!.citations = [
      { articleId: "reuters", source: "REUTERS", paragraph: 4 },
    ];
    const problems = checkCitations(tampered, [REUTERS, AP]);
    expect(problems).toEqual([expect.objectContaining({ section: "keyPoint", reason: "not-supported" })]);
    tampered.keyPoints[0]!.sentences[0]!.citations = [
      { articleId: "reuters", source: "REUTERS", paragraph: 99 },
    ];
    expect(checkCitations(tampered, [REUTERS, AP])[0]!.reason).toBe("no-such-paragraph");
  });
});

describe("buildBriefing on edge inputs", () => {
  it("gives an empty but valid briefing for no articles", () => {
    const briefing = buildBriefing([]);
    expect(zBriefing.parse(briefing)).toMatchObject({
      headline: null,
      keyPoints: [],
      timeline: [],
      sources: [],
    });
  });

  it("gives an empty-bodied article a valid briefing with its source", () => {
    const empty = article("empty", "", []);
    const briefing = buildBriefing([empty], { scope: "article" });
    expect(zBriefing.parse(briefing).sources).toHaveLength(1);
    expect(briefing.keyPoints).toEqual([]);
  });

  it("refuses two articles with one id", () => {
    expect(() => buildBriefing([REUTERS, REUTERS])).toThrow(/given twice/);
  });

  it("keeps fewer than three points only when the article has fewer facts", () => {
    const short = article("short", "Budget passes", [
      "Parliament passed the national budget on Tuesday after a long debate in the chamber.",
    ]);
    expect(buildBriefing([short]).keyPoints).toHaveLength(1);
  });
});

describe("wording", () => {
  it("drops a dateline and a leading connective, closes the sentence and capitalizes it", () => {
    expect(pointText("WASHINGTON — But the senate voted 52 to 48")).toBe("The senate voted 52 to 48.");
    expect(pointText("in the lower house, the coalition has two-thirds")).toBe(
      "In the lower house, the coalition has two-thirds.",
    );
  });

  it("removes a quotation mark left open by a quote that runs into the next sentence", () => {
    expect(pointText("“We will not back down. Ever.")).toBe("We will not back down. Ever.");
  });

  it("cleans titles of kickers and outlet names", () => {
    expect(cleanTitle("Analysis: Japan’s New Leader Navigates a Balancing Act", null)).toBe(
      "Japan’s New Leader Navigates a Balancing Act",
    );
    expect(cleanTitle("DESPERATION: DNC files lawsuit against Russia", null)).toBe(
      "DNC files lawsuit against Russia",
    );
    expect(cleanTitle("Factory fire kills workers - Reuters", "Reuters")).toBe("Factory fire kills workers");
    expect(cleanTitle("Opinion", null)).toBeNull();
  });
});
