import { describe, expect, it } from "vitest";
import { isCjkText, tokenize, tokenSpans } from "./tokens";

describe("tokenize", () => {
  it("lower-cases, applies NFKC and keeps compounds, acronyms and contractions whole", () => {
    expect(tokenize("Japan’s TWO-THIRDS majority in the U.S. Congress; ＡＢＣ don't")).toEqual([
      "japan",
      "two-thirds",
      "majority",
      "in",
      "the",
      "u.s.",
      "congress",
      "abc",
      "don't",
    ]);
  });

  it("gives offsets into the original text", () => {
    const text = "Prime Minister Takaichi’s “iron lady” image";
    for (const token of tokenSpans(text)) {
      expect(text.slice(token.start, token.end).normalize("NFKC").toLowerCase().replace(/’/g, "'")).toContain(
        token.term,
      );
    }
  });

  it("segments a Japanese sentence into several words", () => {
    const text = "高市早苗首相は3月19日にワシントンを訪問し、トランプ大統領と会談する予定だ。";
    const words = tokenize(text, "ja");
    expect(words.length).toBeGreaterThan(8);
    expect(words).toContain("首相");
    expect(words).toContain("トランプ");
    expect(words).not.toContain("、");
    for (const token of tokenSpans(text, "ja")) expect(text.slice(token.start, token.end)).toBe(token.term);
  });

  it("segments Chinese and Korean without a language hint", () => {
    expect(tokenize("日本首相高市早苗将于3月访问美国").length).toBeGreaterThan(4);
    expect(tokenize("다카이치 총리는 3월 미국을 방문한다")).toContain("다카이치");
  });

  it("returns nothing for empty or punctuation-only text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize(" — … !!")).toEqual([]);
  });

  it("tells CJK text from Latin text", () => {
    expect(isCjkText("高市早苗首相は訪米する")).toBe(true);
    expect(isCjkText("Takaichi visits Washington (高市)")).toBe(false);
  });

  // Found by enrich.fuzz.test.ts: 100,000 Han characters took over half a minute (a quadratic single-Han merge and
  // V8's segmenter slowing with string length).
  it("tokenizes a very long CJK run in linear time, with offsets inside the text", () => {
    for (const text of ["𠮷".repeat(50_000), "東京".repeat(50_000), `${"東京".repeat(50)}。`.repeat(1_000)]) {
      const started = performance.now();
      const tokens = tokenSpans(text, "en");
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(tokens.length).toBeGreaterThan(0);
      expect(tokens.every((t) => t.start >= 0 && t.start < t.end && t.end <= text.length)).toBe(true);
    }
  });

  it("segments long CJK text in pieces without changing the words", () => {
    const sentence = "高市早苗首相は3月に訪米する。";
    const one = tokenSpans(sentence, "ja");
    const many = tokenSpans(sentence.repeat(400), "ja");
    expect(many.length).toBe(one.length * 400);
    expect(many.slice(-one.length).map((t) => t.term)).toEqual(one.map((t) => t.term));
  });
});
