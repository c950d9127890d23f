import { describe, expect, it } from "vitest";
import { readSeed } from "../../normalize/__fixtures__/seeds";
import { zFigure } from "../../schemas/enrichment";
import type { Paragraph } from "../../schemas/paragraph";
import { findFigures } from "./index";

/** Seed text as paragraphs, one per non-empty line (what the normalizer gives, without depending on it). */
const paragraphs = (name: string): Paragraph[] =>
  readSeed(name)
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text, i) => ({ n: i + 1, kind: "paragraph", text }));

const figuresOf = (text: string) => findFigures([{ n: 1, kind: "paragraph", text }]);
const one = (text: string) => {
  const found = figuresOf(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("findFigures on the seeds", () => {
  const nippon = findFigures(paragraphs("000_692c35d782a7bbcb.txt"));
  const caixin = findFigures(paragraphs("002_41147d8f43a0c177.txt"));
  const byText = (figures: typeof nippon, text: string) => figures.find((figure) => figure.text === text);

  it("reads $550 billion as 550e9 US dollars in both articles", () => {
    for (const figures of [nippon, caixin]) {
      const money = figures.filter((figure) => figure.text === "$550 billion");
      expect(money.length).toBeGreaterThan(0);
      for (const figure of money) expect(figure).toMatchObject({ kind: "money", value: 550e9, unit: "USD" });
    }
    expect(byText(nippon, "$550 billion")!.subject).toBe("strategic investment deal");
    expect(caixin.map((figure) => figure.subject)).toContain("investment");
  });

  it("reads seat counts, the two-thirds majority and over half of the seats", () => {
    expect(byText(nippon, "352 of the 465 seats")).toMatchObject({
      kind: "count",
      value: 352,
      of: 465,
      unit: "seats",
      subject: "seats in the House of Representatives",
    });
    expect(byText(nippon, "120 seats")).toMatchObject({ value: 120, unit: "seats" });
    expect(byText(nippon, "two-thirds majority")).toMatchObject({
      kind: "fraction",
      value: 0.6667,
      subject: "majority",
    });
    expect(byText(nippon, "over half of the seats")).toMatchObject({
      kind: "fraction",
      value: 0.5,
      qualifier: "over",
    });
    expect(byText(nippon, "12-member")).toMatchObject({ kind: "count", value: 12, unit: "members" });
  });

  it("finds no figure in years, dates, names, list numbers or paragraph references", () => {
    const texts = [...nippon, ...caixin].map((figure) => figure.text);
    for (const text of texts) expect(text).not.toMatch(/^(?:20\d\d|March 19|19|9|1|2026-03-12|2025)$/);
    expect(texts.some((text) => /Article|para/.test(text))).toBe(false);
    expect(nippon.map((figure) => figure.value)).not.toContain(2022);
    expect(caixin.map((figure) => figure.value)).not.toContain(9);
  });

  it("gives exact spans and matches the contract", () => {
    const all = [
      ...paragraphs("000_692c35d782a7bbcb.txt").map((p) => ({ p, figures: nippon })),
      ...paragraphs("002_41147d8f43a0c177.txt").map((p) => ({ p, figures: caixin })),
    ];
    for (const { p, figures } of all)
      for (const figure of figures.filter((f) => f.paragraph === p.n)) {
        expect(p.text.slice(figure.start, figure.end)).toBe(figure.text);
        expect(() => zFigure.parse(figure)).not.toThrow();
      }
  });
});

describe("findFigures on news phrasing", () => {
  it("reads currencies, scales and percentages", () => {
    expect(one("The plan costs ¥1.2 trillion.")).toMatchObject({ kind: "money", value: 1.2e12, unit: "JPY" });
    expect(one("a €30m grant")).toMatchObject({ value: 30e6, unit: "EUR", subject: "grant" });
    expect(one("The firm raised about $2bn.")).toMatchObject({ value: 2e9, unit: "USD", qualifier: "about" });
    expect(one("5 billion Canadian dollars")).toMatchObject({ value: 5e9, unit: "CAD" });
    expect(one("Inflation hit 3.5% in May.")).toMatchObject({ kind: "percent", value: 3.5, unit: "%" });
    expect(one("twelve percent agreed")).toMatchObject({ kind: "percent", value: 12 });
    expect(one("twenty six percent were undecided")).toMatchObject({ kind: "percent", value: 26 });
    expect(one("down 0.2 percentage points")).toMatchObject({ value: 0.2, unit: "percentage points" });
    expect(one("an investment of $550 billion")).toMatchObject({ subject: "investment" });
  });

  it("reads counts with their qualifiers and counted nouns", () => {
    expect(one("Nearly 40 homes burned.")).toMatchObject({ value: 40, unit: "homes", qualifier: "nearly" });
    expect(one("more than 1,000 people fled")).toMatchObject({
      text: "more than 1,000 people",
      value: 1000,
      unit: "people",
      qualifier: "over",
    });
    expect(one("at least 40 were killed")).toMatchObject({ value: 40, unit: null, qualifier: "at-least" });
    expect(one("up to 3,000 soldiers")).toMatchObject({ qualifier: "at-most" });
    expect(one("no more than 30 lawmakers")).toMatchObject({ qualifier: "at-most" });
    expect(one("fewer than 30 lawmakers")).toMatchObject({ qualifier: "under" });
    expect(one("40 or more tanks")).toMatchObject({ value: 40, unit: "tanks", qualifier: "at-least" });
    expect(one("a dozen countries")).toMatchObject({ value: 12, unit: "countries" });
    expect(one("One in five voters backed it")).toMatchObject({
      kind: "ratio",
      value: 1,
      of: 5,
      unit: "voters",
    });
  });

  it("reads spelled fractions only where they are fractions", () => {
    expect(one("A third of voters agreed")).toMatchObject({
      kind: "fraction",
      value: 0.3333,
      subject: "voters",
    });
    expect(one("half the seats")).toMatchObject({ value: 0.5 });
    expect(figuresOf("the first half of the year, a third term, a quarter century")).toEqual([]);
  });

  it("reads CJK amounts and counters", () => {
    const figures = figuresOf(
      "投資額は5500億ドル、予算は1.2兆円、参加者は3万人、議席は352議席。2026年3月19日。",
    );
    expect(figures.map((f) => [f.value, f.unit])).toEqual([
      [550e9, "USD"],
      [1.2e12, "JPY"],
      [30000, "people"],
      [352, "seats"],
    ]);
  });

  it("skips years, dates, times, ordinals, phone numbers, codes, names and ages", () => {
    const text =
      "In 2022, on March 19 and on 19 March, the 19th, Article 9 was debated at 10:30 a.m. and 3pm. " +
      "Call 555-1234 or +81 3 1234 5678. G7, COVID-19, F-35, 5G, Windows 11, page 3, No. 1, the 1990s. " +
      "Kim, 34, said so on 2026-03-12 (see [12]). A 12-year-old and a 30-day visit took two days.";
    expect(figuresOf(text)).toEqual([]);
    expect(figuresOf("1. The first point")).toEqual([]);
    expect(figuresOf("the two leaders met; all three agreed, and two of them left")).toEqual([]);
  });
});

describe("findFigures on bad input", () => {
  it("returns nothing for text without numbers", () => {
    expect(findFigures([])).toEqual([]);
    expect(figuresOf("No numbers here at all.")).toEqual([]);
  });

  it("stays fast on megabytes of text and thousands of numbers", () => {
    const seed = readSeed("000_692c35d782a7bbcb.txt");
    const big = seed.repeat(Math.ceil(5e6 / seed.length)).slice(0, 5e6);
    const numbers = Array.from(
      { length: 20_000 },
      (_, i) => `${i} people, $${i}.5 billion, ${i % 100}%`,
    ).join(" ");
    const junk = `${"1,".repeat(100_000)} ${"$".repeat(50_000)} ${"9".repeat(100_000)} ${"-1".repeat(50_000)}`;
    const started = performance.now();
    expect(findFigures([{ n: 1, kind: "paragraph", text: big }]).length).toBeGreaterThan(1000);
    expect(figuresOf(numbers).length).toBeGreaterThan(40_000);
    figuresOf(junk);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);
});
