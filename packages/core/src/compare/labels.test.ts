import { describe, expect, it } from "vitest";
import { enrichArticle } from "../enrich/index";
import type { Paragraph } from "../schemas/paragraph";
import { findLabels, labelKey } from "./labels";

function labelsOf(...texts: string[]) {
  const paragraphs: Paragraph[] = texts.map((text, i) => ({ n: i + 1, kind: "paragraph", text }));
  const { enrichment } = enrichArticle({ paragraphs, language: "en", publishedAt: null });
  const entities = new Map(enrichment.entities.map((e) => [e.slug, e]));
  return findLabels(paragraphs, enrichment.mentions, { language: "en", entityOf: (s) => entities.get(s) });
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

  it("resolves a description of a state to the country the text is about", () => {
    const labels = labelsOf(
      "North Korea said on Saturday it would suspend nuclear tests, and U.S. officials welcomed it.",
      "North Korea has carried out six nuclear tests. The isolated country also fired missiles over Japan.",
    );
    expect(texts(labels, "north-korea")).toContain("The isolated country");
  });

  it("gives a state noun after a person's name to the state the person's title names", () => {
    const labels = labelsOf(
      "U.S. President Donald Trump spoke on Monday.",
      "Critics of the Trump administration said the plan would fail.",
    );
    expect(texts(labels, "united-states")).toContain("the Trump administration");
  });

  it("leaves a state noun that modifies another noun alone", () => {
    const labels = labelsOf("North Korea fired a missile, the state media said.");
    expect(labels.map((l) => l.text)).not.toContain("the state");
  });

  it("keys labels without case, dots, hyphens or possessives", () => {
    expect(labelKey("Kim Jong-un")).toBe(labelKey("kim jong un"));
    expect(labelKey("U.S.")).toBe(labelKey("US"));
    expect(labelKey("the US leader's")).toBe("the us leader");
  });
});
