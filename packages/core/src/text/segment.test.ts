import { describe, expect, it } from "vitest";
import { tokenize } from "../cluster/tokens";
import { tokens } from "../dedupe/minhash";
import { tokenSpans } from "../enrich/text/tokens";
import { segmentForSearch } from "../search/text";
import { SEGMENT_CHUNK_CHARS, segmentWords } from "./segment";

const JAPANESE =
  "高市早苗首相は3日、ワシントンでトランプ大統領と会談した。両首脳は日米同盟の強化で一致し、関税や安全保障について意見を交わした。";
const CHINESE =
  "国家统计局周二公布的数据显示，中国三月份出口同比增长百分之四点五，创下历史新高。分析人士表示，";
const KOREAN =
  "한국은행은 화요일 기준금리를 동결했다고 밝혔다. 이창용 총재는 물가 안정이 우선이라고 말했다. ";

/** What one Intl.Segmenter call over the whole text gives: the behaviour before chunking. */
function wholeText(text: string) {
  return [...new Intl.Segmenter("und", { granularity: "word" }).segment(text)].map((s) => ({
    segment: s.segment,
    index: s.index,
    isWordLike: s.isWordLike,
  }));
}

describe("segmentWords", () => {
  it("gives the same segments as one call over the whole text when the text has breaks", () => {
    for (const text of [
      JAPANESE.repeat(200),
      CHINESE.repeat(200),
      KOREAN.repeat(200),
      `${JAPANESE} Tokyo ${KOREAN}`,
    ]) {
      expect(text.length > SEGMENT_CHUNK_CHARS || text.length < 300).toBe(true);
      expect([...segmentWords(text)]).toEqual(wholeText(text));
    }
  });

  it("covers the text exactly, even in one long run without breaks, and never splits a surrogate pair", () => {
    const text = `${"𠮷野家".repeat(3_000)}東京`;
    const segments = [...segmentWords(text)];
    expect(segments.map((s) => s.segment).join("")).toBe(text);
    for (const s of segments) {
      expect(text.slice(s.index, s.index + s.segment.length)).toBe(s.segment);
      expect(s.segment).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});

describe("every caller segments long CJK text in chunks", () => {
  // One call over 100,000 Han characters took 26 s (minhash) to 49 s (search) before; chunked, well under one.
  // The test timeout is the hang bound.
  const han = "東京都知事選挙の結果が発表された今日政府は新しい経済政策を決定した"
    .repeat(3_000)
    .slice(0, 100_000);

  it("search index text", () => {
    const segmented = segmentForSearch(han)!;
    expect(segmented.replaceAll(" ", "")).toBe(han.normalize("NFKC"));
    expect(segmented.split(" ").length).toBeGreaterThan(20_000);
  }, 20_000);

  it("story clustering tokens", () => {
    expect(tokenize(han).length).toBeGreaterThan(20_000);
  }, 20_000);

  it("near-duplicate shingles", () => {
    expect(tokens(han).length).toBeGreaterThan(20_000);
  }, 20_000);

  it("enrichment tokens", () => {
    expect(tokenSpans(han, "ja").length).toBeGreaterThan(20_000);
  }, 20_000);

  it("gives the same tokens as before on ordinary CJK text", () => {
    const text = `${JAPANESE}\n${CHINESE}\n${KOREAN}`.repeat(40);
    const before = wholeText(text.normalize("NFKC").toLowerCase())
      .filter((s) => s.isWordLike)
      .map((s) => s.segment);
    expect(tokens(text)).toEqual(before);
    expect(tokenize(text).map((t) => t.raw)).toEqual(
      wholeText(text.normalize("NFKC"))
        .filter(
          (s) => s.isWordLike && !(s.segment.length === 1 && /[\p{Script=Hiragana}ー]/u.test(s.segment)),
        )
        .map((s) => s.segment),
    );
  });
});
