import { describe, expect, it } from "vitest";
import { articleFrom } from "./__fixtures__/seeds";
import { formSides } from "./sides";

const articles = [
  articleFrom("a1", ["Asahi reports the summit."], { source: "Asahi", country: "JP" }),
  articleFrom("c1", ["Caixin reports the summit."], { source: "Caixin", country: "CN" }),
  articleFrom("a2", ["Asahi reports again."], { source: "Asahi", country: "JP" }),
  articleFrom("x", ["No source."]),
];

describe("formSides", () => {
  it("groups by outlet and by country, in order of first appearance", () => {
    expect(formSides(articles, "outlet").map((s) => [s.label, s.articles.map((a) => a.id)])).toEqual([
      ["Asahi", ["a1", "a2"]],
      ["Caixin", ["c1"]],
      ["Unknown outlet", ["x"]],
    ]);
    expect(formSides(articles, "country").map((s) => s.label)).toEqual(["JP", "CN", "Unknown country"]);
  });

  it("gives each article its own side, numbering repeated outlets", () => {
    expect(formSides(articles, "article").map((s) => s.label)).toEqual([
      "Asahi",
      "Caixin",
      "Asahi (2)",
      articles[3]!.title,
    ]);
  });

  it("uses a user's labels by article id or source name and leaves unlabelled articles out", () => {
    const sides = formSides(articles, { labels: { Asahi: "Japanese media", c1: "Chinese media" } });
    expect(sides.map((s) => [s.label, s.articles.length])).toEqual([
      ["Japanese media", 2],
      ["Chinese media", 1],
    ]);
  });
});
