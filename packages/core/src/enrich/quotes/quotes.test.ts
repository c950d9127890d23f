import { describe, expect, it } from "vitest";
import { readSeed } from "../../normalize/__fixtures__/seeds";
import { zQuote } from "../../schemas/enrichment";
import type { Paragraph } from "../../schemas/paragraph";
import { findQuotes } from "./index";

/** Seed text as paragraphs, one per non-empty line (what the normalizer gives, without depending on it). */
const paragraphs = (name: string): Paragraph[] =>
  readSeed(name)
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text, i) => ({ n: i + 1, kind: "paragraph", text }));

const quotesOf = (...texts: string[]) =>
  findQuotes(texts.map((text, i) => ({ n: i + 1, kind: "paragraph", text })));

describe("findQuotes on the seeds", () => {
  const nipponParagraphs = paragraphs("000_692c35d782a7bbcb.txt");
  const caixinParagraphs = paragraphs("002_41147d8f43a0c177.txt");
  const nippon = findQuotes(nipponParagraphs);
  const caixin = findQuotes(caixinParagraphs);

  it("attributes Gui Yongtao's reported speech to him, with the reported clause as its span", () => {
    const gui = caixin.find((quote) => quote.kind === "reported" && quote.text.startsWith("While there is"));
    expect(gui).toMatchObject({ speaker: "Gui Yongtao", cue: "said", speakerEntity: null });
    expect(gui!.text.endsWith("the strategic balance between the U.S. and China")).toBe(true);
  });

  it("labels “the world’s most powerful woman” and “iron lady” as scare quotes, not speech", () => {
    const byText = new Map(nippon.map((quote) => [quote.text, quote]));
    for (const text of [
      "the world’s most powerful woman",
      "iron lady",
      "election to choose a prime minister",
    ]) {
      expect(byText.get(text)).toMatchObject({ kind: "scare", speaker: null });
    }
    expect(nippon.filter((quote) => quote.text === "the world’s most powerful woman")).toHaveLength(2);
    expect(caixin.find((quote) => quote.text === "Reiwa-era unequal treaty")).toMatchObject({
      kind: "scare",
    });
  });

  it("gives exact spans and matches the contract", () => {
    for (const [list, ps] of [
      [nippon, nipponParagraphs],
      [caixin, caixinParagraphs],
    ] as const) {
      for (const quote of list) {
        expect(ps.find((p) => p.n === quote.paragraph)!.text.slice(quote.start, quote.end)).toBe(quote.text);
        expect(() => zQuote.parse(quote)).not.toThrow();
      }
    }
  });
});

describe("findQuotes on news phrasing", () => {
  it("reads a direct quote with the speaker after the cue and trims the appositive", () => {
    const [quote] = quotesOf("“Japan must act with caution,” said Gui Yongtao, deputy dean of the school.");
    expect(quote).toMatchObject({
      kind: "direct",
      text: "Japan must act with caution",
      speaker: "Gui Yongtao",
      cue: "said",
    });
  });

  it("reads a colon-introduced quote and a quote followed by a pronoun resolved to the person named before", () => {
    const quotes = quotesOf(
      "Prime Minister Takaichi Sanae spoke in Tokyo. Takaichi said: “We will not back down.”",
      "“The alliance is strong,” she said.",
    );
    expect(quotes[0]).toMatchObject({
      kind: "direct",
      speaker: "Takaichi",
      cue: "said",
      text: "We will not back down.",
    });
    expect(quotes[1]).toMatchObject({ kind: "direct", cue: "said", text: "The alliance is strong" });
    expect(quotes[1]!.speaker).toMatch(/Takaichi/);
  });

  it("reads reported speech with that-clauses and trailing attributions", () => {
    const [first] = quotesOf("Mr. Trump also said on Tuesday that the talks had gone well.");
    expect(first).toMatchObject({
      kind: "reported",
      speaker: "Trump",
      cue: "said",
      text: "the talks had gone well",
    });
    const [second] = quotesOf("Tariffs will rise next year, two people briefed on the plan said on Tuesday.");
    expect(second).toMatchObject({
      speaker: "two people briefed on the plan",
      text: "Tariffs will rise next year",
    });
    const [third] = quotesOf("According to the ministry, exports fell sharply in May.");
    expect(third).toMatchObject({
      speaker: "the ministry",
      cue: "according to",
      text: "exports fell sharply in May",
    });
  });

  it("does not read objects of verbs or passives as speech", () => {
    expect(quotesOf("Beijing announced new restrictions on exports.")).toEqual([]);
    expect(
      quotesOf("During the visit he is said to have reset ties. All of that said, the plan stands."),
    ).toEqual([]);
  });

  it("tells titles and labels from speech", () => {
    const [title] = quotesOf("He wrote a book titled “The Art of the Deal” in 1987.");
    expect(title).toMatchObject({ kind: "title", text: "The Art of the Deal" });
    const [label] = quotesOf(
      "Critics called the deal a “Reiwa-era unequal treaty,” a charge officials reject.",
    );
    expect(label).toMatchObject({ kind: "scare", text: "Reiwa-era unequal treaty" });
    const [plain] = quotesOf("Trump and Xi had a 'very good' call.");
    expect(plain).toMatchObject({ kind: "scare", text: "very good" });
  });

  it("carries a quotation on into the next paragraph", () => {
    const quotes = quotesOf(
      "“We are ready to talk. We have always been ready.",
      "“But not at any price,” Kim said.",
    );
    expect(quotes.map((quote) => quote.speaker)).toEqual(["Kim", "Kim"]);
  });
});

describe("findQuotes on bad input", () => {
  it("copes with no quotes and unbalanced marks", () => {
    expect(findQuotes([])).toEqual([]);
    expect(quotesOf("Nothing was said here.")).toEqual([]);
    const odd = quotesOf("He said “this never ends, and ” then “ again “ and \" stray ' marks ‘ everywhere");
    for (const quote of odd) expect(quote.text.length).toBeGreaterThan(0);
  });

  it("stays fast on megabytes of text full of marks", () => {
    const seed = readSeed("000_692c35d782a7bbcb.txt");
    const big = seed.repeat(Math.ceil(5e6 / seed.length)).slice(0, 5e6);
    const started = performance.now();
    findQuotes([{ n: 1, kind: "paragraph", text: big }]);
    quotesOf(
      "“He said ".repeat(200_000),
      ' "a b, he said '.repeat(200_000),
      " ‘a’ 'b' don’t ’ ‘".repeat(100_000),
    );
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
