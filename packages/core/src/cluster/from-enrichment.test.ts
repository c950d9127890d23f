import { describe, expect, it } from "vitest";
import { enrichArticle } from "../enrich/index";
import { clusterInput } from "./from-enrichment";

describe("clusterInput", () => {
  it("carries enrichment's entities once per mention, telling figures and exact days", () => {
    const text = [
      "Japan pledged $550 billion of investment in the United States, Prime Minister Sanae Takaichi said on March 19, 2026.",
      "Takaichi met President Donald Trump at the White House; two people briefed on the talks said 120 companies would take part.",
    ];
    const paragraphs = text.map((t, i) => ({ n: i + 1, kind: "paragraph" as const, text: t }));
    const { enrichment } = enrichArticle({ paragraphs, language: "en", publishedAt: "2026-03-20T00:00:00Z" });
    const doc = clusterInput(
      {
        id: "a",
        title: "Takaichi visits Washington",
        text: text.join("\n\n"),
        publishedAt: null,
        language: "en",
      },
      enrichment,
    );
    const takaichi = enrichment.entities.find((e) => e.name.includes("Takaichi"))!;
    expect(doc.entities!.filter((slug) => slug === takaichi.slug)).toHaveLength(takaichi.mentions);
    expect(doc.figures).toContain("USD:550000000000");
    expect(doc.figures!.some((f) => f.endsWith(":2"))).toBe(false);
    expect(doc.dates).toContain("2026-03-19");
  });
});
