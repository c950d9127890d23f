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
});
