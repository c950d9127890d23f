import { describe, expect, it } from "vitest";
import {
  excludedTerms,
  MARK_END,
  MARK_START,
  MAX_QUERY_LENGTH,
  prepareSearchQuery,
  segmentForSearch,
  snippetParts,
} from "./text";

describe("segmentForSearch", () => {
  it("leaves text without CJK script to Postgres", () => {
    expect(segmentForSearch("Sanae Takaichi won the vote.")).toBeNull();
  });

  it("puts spaces between Japanese words and keeps punctuation", () => {
    const out = segmentForSearch("高市早苗首相は東京で記者会見した。")!;
    expect(out.split(" ").length).toBeGreaterThan(3);
    expect(out.replaceAll(" ", "")).toBe("高市早苗首相は東京で記者会見した。");
    expect(out).toContain("東京");
  });

  it("separates CJK words from the numbers they touch", () => {
    expect(segmentForSearch("邦人１０人が退避した")!.split(" ")).toEqual(
      expect.arrayContaining(["邦人", "退避"]),
    );
  });

  it("segments a query the same way as the stored text, a CJK run as a phrase", () => {
    const stored = segmentForSearch("東京で記者会見した")!;
    const query = prepareSearchQuery("記者会見");
    expect(query).toMatch(/^"\S+ \S+"$/u);
    expect(stored).toContain(query.replaceAll('"', ""));
    expect(segmentForSearch("高市早苗首相は")).toContain(prepareSearchQuery("高市").replaceAll('"', ""));
  });

  it("keeps websearch syntax around CJK words", () => {
    expect(prepareSearchQuery("東京 OR 大阪 -首相")).toBe("東京 OR 大阪 -首相");
    expect(prepareSearchQuery('Takaichi -"記者会見"')).toMatch(/^Takaichi -"\S+ \S+"$/u);
  });
});

describe("prepareSearchQuery", () => {
  it("keeps websearch syntax", () => {
    expect(prepareSearchQuery('  "prime minister"  OR  tariff -china ')).toBe(
      '"prime minister" OR tariff -china',
    );
  });

  it("cuts huge input and drops control characters and markers", () => {
    expect(Array.from(prepareSearchQuery("a".repeat(10_000))).length).toBe(MAX_QUERY_LENGTH);
    expect(prepareSearchQuery(`x\u0000y${MARK_START}z`)).toBe("x y z");
  });
});

describe("snippetParts", () => {
  it("splits a headline into marked and plain parts", () => {
    expect(snippetParts(`PM ${MARK_START}Takaichi${MARK_END} said <b>`)).toEqual([
      { text: "PM ", mark: false },
      { text: "Takaichi", mark: true },
      { text: " said <b>", mark: false },
    ]);
  });

  it("keeps the spaces between Korean words", () => {
    expect(
      snippetParts(`한국은 자국 ${MARK_START}아이를${MARK_END}`)
        .map((p) => p.text)
        .join(""),
    ).toBe("한국은 자국 아이를");
  });

  it("removes the spaces segmentation put between CJK words", () => {
    const parts = snippetParts(`首相 は ${MARK_START}東京${MARK_END} で 会見`);
    expect(parts.map((p) => p.text).join("")).toBe("首相は東京で会見");
    expect(parts.find((p) => p.mark)?.text).toBe("東京");
  });
});

describe("excludedTerms", () => {
  it('collects -word and -"phrase" outside quotes', () => {
    expect(excludedTerms('steel -china -"trade war" "not -this" well-known')).toBe('china OR "trade war"');
    expect(excludedTerms("steel")).toBe("");
    expect(excludedTerms("a - b -")).toBe("");
  });
});
