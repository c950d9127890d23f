import { describe, expect, it } from "vitest";
import { genreOf } from "./genre";

const none = { types: [], section: null, title: null, url: null };

describe("genreOf", () => {
  it("reads schema.org's news types", () => {
    expect(genreOf({ ...none, types: ["OpinionNewsArticle"] })).toBe("opinion");
    expect(genreOf({ ...none, types: ["NewsArticle", "AnalysisNewsArticle"] })).toBe("analysis");
    expect(genreOf({ ...none, types: ["ReportageNewsArticle"] })).toBe("news");
    expect(genreOf({ ...none, types: ["NewsArticle"] })).toBeNull();
  });

  it.each([
    ["Opinion", "opinion"],
    ["Commentary", "opinion"],
    ["Editorials", "opinion"],
    ["Meinung", "opinion"],
    ["Kommentar", "opinion"],
    ["Tribunes", "opinion"],
    ["Opinión", "opinion"],
    ["Analysis", "analysis"],
    ["Analyse", "analysis"],
    ["Politics", null],
    ["Opinion polls", null],
  ])("section %j → %s", (section, genre) => {
    expect(genreOf({ ...none, section })).toBe(genre);
  });

  it("reads URL paths and title kickers", () => {
    expect(genreOf({ ...none, url: "https://news.example.com/opinion/2026/03/12/why-rates-matter" })).toBe(
      "opinion",
    );
    expect(genreOf({ ...none, url: "https://example.com/commentary/the-budget" })).toBe("opinion");
    expect(genreOf({ ...none, url: "https://example.com/analysis/the-budget" })).toBe("analysis");
    expect(genreOf({ ...none, url: "https://example.com/world/opinion-polls-tighten" })).toBeNull();
    expect(genreOf({ ...none, title: "Analysis: Why the Fed Waits" })).toBe("analysis");
    expect(genreOf({ ...none, title: "ANALYSIS-Markets brace for rate decision" })).toBe("analysis");
    expect(genreOf({ ...none, title: "Opinion | The Budget Is a Moral Document" })).toBe("opinion");
    expect(genreOf({ ...none, title: "Kommentar: Die Regierung zögert" })).toBe("opinion");
    expect(genreOf({ ...none, title: "Opinions differ on the new harbour plan" })).toBeNull();
  });

  it("trusts the page's type over its section", () => {
    expect(genreOf({ ...none, types: ["AnalysisNewsArticle"], section: "Opinion" })).toBe("analysis");
  });
});
