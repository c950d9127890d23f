import { describe, expect, it } from "vitest";
import { zComparison } from "../schemas/comparison";
import { seedInput } from "./__fixtures__/seeds";
import { compareArticles } from "./compare";

const comparison = compareArticles(seedInput());
const NIPPON = "nippon.com";
const CAIXIN = "Caixin";

const onSide = (side: string) => (p: { citation: { side: string } }) => p.citation.side === side;
const sharedWith = (pattern: RegExp) =>
  comparison.sharedFacts.find(
    (f) =>
      f.passages.some((p) => onSide(NIPPON)(p) && pattern.test(p.text)) &&
      f.passages.some((p) => onSide(CAIXIN)(p) && pattern.test(p.text)),
  );
const onlyOn = (side: string) =>
  comparison.onlyHere.find((s) => s.side === side)!.claims.map((c) => c.passage.text);

describe("comparing the two seeds (nippon.com's column, Caixin's analysis)", () => {
  it("matches the Comparison contract", () => {
    expect(() => zComparison.parse(comparison)).not.toThrow();
    expect(comparison.sides.map((s) => s.label)).toEqual([NIPPON, CAIXIN]);
  });

  it("shows the 19 March summit, the $550 billion investment and the two-thirds majority as shared facts", () => {
    const summit = comparison.sharedFacts.find((f) => f.dates.includes("2026-03-19"));
    expect(summit?.sides).toEqual([NIPPON, CAIXIN]);
    expect(sharedWith(/\$550 billion/)?.figures).toContain("$550 billion");
    // Paraphrase: "the LDP-Ishin coalition has the two-thirds majority" ~ "her ruling coalition enjoys a two-thirds
    // parliamentary majority".
    expect(sharedWith(/two-thirds/)).toBeDefined();
  });

  it("lists Trump's planned April visit to China and the Self-Defense Forces revision as Caixin's alone", () => {
    const caixin = onlyOn(CAIXIN);
    expect(caixin.some((t) => /visit (?:to )?China in April/.test(t))).toBe(true);
    expect(caixin.some((t) => /Self-Defense Forces/.test(t) && /constitution/.test(t))).toBe(true);
    expect(caixin.some((t) => /\$550 billion/.test(t))).toBe(false);
  });

  it("lists President Lee Jae-myung and ASEAN as nippon.com's alone", () => {
    const nippon = onlyOn(NIPPON);
    expect(nippon.some((t) => t.includes("Lee Jae-myung"))).toBe(true);
    expect(nippon.some((t) => /Association of Southeast Asian Nations|ASEAN/.test(t))).toBe(true);
    expect(nippon.some((t) => t.includes("March 19"))).toBe(false);
  });

  it("reports no conflict where the two agree", () => {
    expect(comparison.conflicts).toEqual([]);
  });

  it("labels nippon.com's piece opinion and never shows its claims as plain shared fact", () => {
    const nippon = comparison.sides[0]!.articles[0]!;
    expect(nippon).toMatchObject({ genre: "opinion", genreBasis: "text" });
    expect(comparison.sides[1]!.articles[0]!.genre).toBe("analysis");
    for (const fact of comparison.sharedFacts) {
      expect(fact.opinion).toBe(true);
      for (const p of fact.passages.filter(onSide(NIPPON))) expect(p.genre).toBe("opinion");
    }
  });

  it("cites paragraphs that exist on every side of every shared fact and in every overview sentence", () => {
    const paragraphs = new Map(
      seedInput().sides.flatMap((s) =>
        s.articles.map((a) => [a.id, new Set(a.paragraphs.map((p) => p.n))] as const),
      ),
    );
    for (const fact of comparison.sharedFacts) {
      expect(new Set(fact.passages.map((p) => p.citation.side)).size).toBeGreaterThanOrEqual(2);
      for (const p of fact.passages)
        expect(paragraphs.get(p.citation.articleId)?.has(p.citation.paragraph)).toBe(true);
    }
    expect(comparison.overview.length).toBeGreaterThan(3);
    for (const sentence of comparison.overview) {
      expect(sentence.citations.length).toBeGreaterThan(0);
      for (const c of sentence.citations) expect(paragraphs.get(c.articleId)?.has(c.paragraph)).toBe(true);
    }
  });

  it("gives the pair a similarity well inside (0, 1): one story, told very differently", () => {
    expect(comparison.similarity).toHaveLength(1);
    const [pair] = comparison.similarity;
    expect(pair!.similarity).toBeGreaterThan(0.03);
    expect(pair!.similarity).toBeLessThan(0.6);
  });

  it("shows how each side names Takaichi, and Caixin's expert voice", () => {
    const takaichi = comparison.wordChoice.actors.find((a) => a.entity === "sanae-takaichi");
    expect(takaichi?.differs).toBe(true);
    const caixin = comparison.voices.find((v) => v.side === CAIXIN)!;
    expect(caixin.voices[0]).toMatchObject({ speaker: "Gui Yongtao", kind: "expert" });
  });

  it("is deterministic", () => {
    expect(compareArticles(seedInput())).toEqual(comparison);
  });
});
