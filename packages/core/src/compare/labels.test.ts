import { describe, expect, it } from "vitest";
import { enrichArticle } from "../enrich/index";
import type { Paragraph } from "../schemas/paragraph";
import { findLabels, labelKey } from "./labels";

function labelsOf(...texts: string[]) {
  const paragraphs: Paragraph[] = texts.map((text, i) => ({ n: i + 1, kind: "paragraph", text }));
  const { enrichment } = enrichArticle({ paragraphs, language: "en", publishedAt: null });
  const types = new Map(enrichment.entities.map((e) => [e.slug, e.type]));
  return findLabels(paragraphs, enrichment.mentions, {
    language: "en",
    isPerson: (s) => types.get(s) === "person",
  });
}
const texts = (labels: ReturnType<typeof labelsOf>, entity: string) =>
  labels.filter((l) => l.entity === entity).map((l) => l.text);

describe("findLabels", () => {
  it("takes the title and epithets before a name", () => {
    const labels = labelsOf("Pompeo traveled to meet North Korean dictator Kim Jong-un over Easter weekend.");
    expect(texts(labels, "kim-jong-un")).toContain("North Korean dictator Kim Jong-un");
  });

  it("takes an appositive on either side of a person's name", () => {
    const before = labelsOf("Pompeo went to North Korea to meet with its leader, Kim Jong-un, last month.");
    expect(texts(before, "kim-jong-un")).toContain("its leader, Kim Jong-un");
    const after = labelsOf("The plan was backed by Moon Jae-in, the South Korean president, on Monday.");
    expect(texts(after, "moon-jae-in")).toContain("Moon Jae-in, the South Korean president");
  });

  it("stops at verbs, function words and other people's words", () => {
    const labels = labelsOf(
      "The president hinted at talks while hosting Japanese Prime Minister Shinzo Abe in Florida.",
    );
    expect(texts(labels, "shinzo-abe").concat(texts(labels, "abe-shinzo"))).toContain(
      "Japanese Prime Minister Shinzo Abe",
    );
    expect(labels.some((l) => l.text.startsWith("hosting"))).toBe(false);
  });

  it("resolves a description to the person whose title it repeats", () => {
    const labels = labelsOf(
      "U.S. President Donald Trump met reporters on Monday.",
      "The president said the meeting could be canceled.",
    );
    expect(texts(labels, "donald-trump")).toEqual(["U.S. President Donald Trump", "The president"]);
  });

  it("names a country by its people or agencies, not by a bare demonym", () => {
    const labels = labelsOf("U.S. troops stayed while the Chinese attack was feared.");
    expect(texts(labels, "united-states")).toContain("U.S. troops");
    expect(texts(labels, "china")).toEqual([]);
  });

  it("keys labels without case, dots, hyphens or possessives", () => {
    expect(labelKey("Kim Jong-un")).toBe(labelKey("kim jong un"));
    expect(labelKey("U.S.")).toBe(labelKey("US"));
    expect(labelKey("the US leader's")).toBe("the us leader");
  });
});
