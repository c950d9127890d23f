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

  it("keeps the closing publication note as the last paragraph, of kind note", () => {
    const { paragraphs } = nippon();
    const last = paragraphs.at(-1)!;
    expect(last).toMatchObject({ n: 29, kind: "note" });
    expect(last.text.startsWith("(Originally published in Japanese. Banner photo:")).toBe(true);
    expect(paragraphs.filter((p) => p.kind === "note")).toHaveLength(1);
  });

  it("lifts the banner photo's caption and credit out of the note", () => {
    const { captions } = nippon();
    expect(captions).toHaveLength(1);
    expect(captions[0]!.credit).toBe("Jiji");
    expect(captions[0]!.text).toMatch(
      /^Alighting from the presidential helicopter Marine One, .+ on October 28, 2025\.$/,
    );
  });

  it("has no digest", () => {
    expect(nippon().digest).toBeNull();
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

  it("reads the Digest Hub: three summary bullets, seven cited key points, three entities, the timeline", () => {
    const digest = caixin().digest!;
    expect(digest.summary).toHaveLength(3);
    expect(digest.summary[0]).toMatch(/^Japanese PM Sanae Takaichi faces challenges/);
    expect(digest.keyPoints.map((point) => point.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(digest.keyPoints[0]!.citations).toEqual([1, 2, 3]);
    expect(digest.keyPoints[3]!.citations).toEqual([12]);
    expect(digest.keyPoints[4]!.citations).toEqual([14, 15, 16, 17, 18]);
    for (const point of digest.keyPoints) expect(point.text).not.toMatch(/\[para|\s$/);
    expect(digest.keyPoints[0]!.text.endsWith("despite resonating with voters at home.")).toBe(true);
    expect(digest.entities.map((entity) => entity.name)).toEqual([
      "SoftBank Corp.",
      "Hitachi Ltd.",
      "Murata Manufacturing Co. Ltd.",
    ]);
    expect(digest.entities[2]!.description).toMatch(/^Murata Manufacturing Co\. Ltd\. is a Japanese company/);
  });

  it("dates the timeline to the printed precision, in order", () => {
    const { timeline } = caixin().digest!;
    // The seed prints eight dated entries (two each for November 2025 and February 10, 2026).
    expect(timeline.map((entry) => entry.date)).toEqual([
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-11",
      "2026-02-04",
      "2026-02-09",
      "2026-02-10",
      "2026-02-10",
    ]);
    expect(timeline[0]).toEqual({
      label: "September 2025",
      date: "2025-09",
      text: "U.S.-Japan tariff agreement finalized, committing Japan to invest $550 billion in the U.S. focused on manufacturing and infrastructure.",
    });
    expect(timeline.at(-1)).toMatchObject({ label: "February 10, 2026", date: "2026-02-10" });
    expect(timeline.at(-1)!.text).toMatch(/^Ministry of National Defense spokesman Jiang Bin/);
  });

  it("keeps the digest's lines as list items, [para. N] markers included", () => {
    const { paragraphs } = caixin();
    const point = paragraphs.find((p) => p.text.startsWith("In economic relations"))!;
    expect(point.kind).toBe("list-item");
    expect(point.text.endsWith("[para. 14][para. 15][para. 16][para. 17][para. 18]")).toBe(true);
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
