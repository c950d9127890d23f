import { describe, expect, it } from "vitest";
import { zNormalizedArticle } from "../schemas/article";
import { CAIXIN_SEED, NIPPON_SEED, readSeed } from "./__fixtures__/seeds";
import { normalize } from "./index";

const nippon = () => normalize({ kind: "text", text: readSeed(NIPPON_SEED) });
const caixin = () => normalize({ kind: "text", text: readSeed(CAIXIN_SEED) });

describe("seed 000: nippon.com op-ed pasted as text", () => {
  it("matches the NormalizedArticle contract", () => {
    expect(() => zNormalizedArticle.parse(nippon())).not.toThrow();
  });

  it("takes publishedAt from the leading `date YYYY-MM-DD` dateline and strips it from the lead", () => {
    const article = nippon();
    expect(article.publishedAt).toBe("2026-03-12T00:00:00.000Z");
    expect(article.paragraphs[0]).toMatchObject({ n: 1, kind: "paragraph" });
    expect(article.paragraphs[0]!.text.startsWith("Fresh off of a resounding victory")).toBe(true);
    expect(article.paragraphs.some((p) => p.text.includes("2026-03-12"))).toBe(false);
  });

  it("derives a title from the first sentence, cut at a word boundary", () => {
    const article = nippon();
    expect(article.titleSource).toBe("derived");
    expect(article.title.length).toBeLessThanOrEqual(120);
    expect(article.title).toMatch(
      /^Fresh off of a resounding victory in the February general election, .+…$/,
    );
    expect(article.title).not.toMatch(/\s…$/);
  });

  it("uses a caller's title as explicit", () => {
    const article = normalize({
      kind: "text",
      text: readSeed(NIPPON_SEED),
      title: "Takaichi’s Diplomatic Test",
    });
    expect(article).toMatchObject({ title: "Takaichi’s Diplomatic Test", titleSource: "explicit" });
    expect(article.paragraphs).toHaveLength(29);
  });

  it("finds the six section headings, in order, and nothing else as a heading", () => {
    const headings = nippon()
      .paragraphs.filter((p) => p.kind === "heading")
      .map((p) => p.text);
    expect(headings).toEqual([
      "New Mandate for Japan’s First Female Prime Minister",
      "Staying in Trump’s Favor",
      "Keeping Cool with Beijing",
      "Partnering with South Korea",
      "ASEAN and the Indo-Pacific",
      "Stepping Up to the Plate",
    ]);
  });

  it("keeps standalone questions as paragraphs", () => {
    const byText = new Map(nippon().paragraphs.map((p) => [p.text, p.kind]));
    expect(byText.get("What will Prime Minister Takaichi do with that power?")).toBe("paragraph");
    expect(byText.get("How should Japan deal with Trump under these new circumstances?")).toBe("paragraph");
  });

  it("keeps the closing publication note as the last paragraph", () => {
    const last = nippon().paragraphs.at(-1)!;
    expect(last.kind).toBe("paragraph");
    expect(last.text.startsWith("(Originally published in Japanese. Banner photo:")).toBe(true);
  });

  it("produces 29 paragraphs numbered 1..29", () => {
    const { paragraphs } = nippon();
    expect(paragraphs).toHaveLength(29);
    expect(paragraphs.map((p) => p.n)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
  });

  it("guesses English", () => {
    expect(nippon().language).toBe("en");
  });
});

describe("seed 002: Caixin Global analysis pasted as text", () => {
  it("matches the NormalizedArticle contract", () => {
    expect(() => zNormalizedArticle.parse(caixin())).not.toThrow();
  });

  it("takes the headline-like first line as the explicit title, prefix kept", () => {
    const article = caixin();
    expect(article.title).toBe(
      "Analysis: Japan’s New Leader Navigates a High-Stakes Balancing Act Between China and the U.S.",
    );
    expect(article.titleSource).toBe("explicit");
    expect(article.paragraphs[0]!.text.startsWith("Japanese Prime Minister Sanae Takaichi has secured")).toBe(
      true,
    );
  });

  it("has no publication date", () => {
    expect(caixin().publishedAt).toBeNull();
  });

  it("drops subscription prompts, the audio link and trailing section labels", () => {
    const texts = caixin().paragraphs.map((p) => p.text);
    for (const promo of [
      /Listen to the full version/,
      /Unlock exclusive discounts/,
      /Subscribe to both/,
      /^PODCAST$/,
      /^MOST POPULAR$/,
    ]) {
      expect(texts.filter((text) => promo.test(text))).toEqual([]);
    }
  });

  it("turns the DIGEST HUB label into a heading and dash lines into list items", () => {
    const { paragraphs } = caixin();
    expect(paragraphs[2]).toEqual({ n: 3, kind: "heading", text: "DIGEST HUB" });
    expect(paragraphs[3]!.kind).toBe("list-item");
    expect(paragraphs[3]!.text.startsWith("Japanese PM Sanae Takaichi faces challenges")).toBe(true);
    expect(paragraphs.find((p) => p.text === "SoftBank Corp.")?.kind).toBe("list-item");
    expect(paragraphs.find((p) => p.text === "September 2025:")?.kind).toBe("list-item");
  });

  it("makes numbered lines list items without their numbers, keeping [para. N] references", () => {
    const numbered = caixin().paragraphs.filter((p) => /\[para\. \d+/.test(p.text));
    expect(numbered.length).toBeGreaterThanOrEqual(7);
    for (const p of numbered) {
      expect(p.kind).toBe("list-item");
      expect(p.text).not.toMatch(/^\d+\. /);
    }
  });

  it("produces 35 paragraphs numbered 1..35", () => {
    const { paragraphs } = caixin();
    expect(paragraphs).toHaveLength(35);
    expect(paragraphs.map((p) => p.n)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    expect(paragraphs.every((p) => p.text === p.text.trim() && !/\s{2}/.test(p.text))).toBe(true);
  });
});

describe("content hash", () => {
  it("is stable across runs and differs between the two seeds", () => {
    expect(nippon().contentHash).toBe(nippon().contentHash);
    expect(nippon().contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(nippon().contentHash).not.toBe(caixin().contentHash);
  });

  it("ignores title, date and line-ending differences but not text changes", () => {
    const text = readSeed(NIPPON_SEED);
    const base = nippon().contentHash;
    expect(normalize({ kind: "text", text: text.replace(/\n/g, "\r\n"), title: "Other" }).contentHash).toBe(
      base,
    );
    expect(normalize({ kind: "text", text }, { publishedAt: "2020-01-01" }).contentHash).toBe(base);
    expect(normalize({ kind: "text", text: text.replace("Fresh off", "Fresh from") }).contentHash).not.toBe(
      base,
    );
  });
});
