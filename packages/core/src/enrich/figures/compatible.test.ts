import { describe, expect, it } from "vitest";
import type { Figure } from "../../schemas/enrichment";
import { compareFigures, valuesCompatible } from "./compatible";

const figure = (text: string, value: number, qualifier: Figure["qualifier"] = "exact"): Figure => ({
  paragraph: 1,
  start: 0,
  end: text.length,
  text,
  kind: "count",
  value,
  unit: "people",
  of: null,
  qualifier,
  subject: "people",
});

describe("compareFigures", () => {
  it("reads a difference of precision as compatible", () => {
    expect(compareFigures(figure("over 1,000 people", 1000, "over"), figure("1,200 people", 1200))).toBe(
      "compatible",
    );
    expect(compareFigures(figure("about 500 people", 500, "about"), figure("530 people", 530))).toBe(
      "compatible",
    );
  });

  it("finds values that cannot both be true", () => {
    expect(compareFigures(figure("500 people", 500), figure("550 people", 550))).toBe("conflict");
    expect(compareFigures(figure("under 100 people", 100, "under"), figure("150 people", 150))).toBe(
      "conflict",
    );
    expect(compareFigures(figure("352 people", 352), figure("352 people", 352))).toBe("agree");
  });
  it("reads rounding from how a number is written", () => {
    expect(valuesCompatible(figure("550 billion", 550e9), figure("550.3 billion", 550.3e9))).toBe(true);
    // Written without a qualifier, a number is stated as exact: two tolls of one fire conflict.
    expect(compareFigures(figure("350 people", 350), figure("352 people", 352))).toBe("conflict");
    expect(valuesCompatible(figure("under 50 people", 50, "under"), figure("60 people", 60))).toBe(false);
  });
});
