import { describe, expect, it } from "vitest";
import type { Figure } from "../schemas/enrichment";
import { articleFrom } from "./__fixtures__/seeds";
import { compareArticles } from "./compare";
import { compareDates, compareFigures } from "./conflicts";

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
    expect(compareFigures(figure("350 people", 350), figure("352 people", 352))).toBe("compatible");
  });

  it("finds values that cannot both be true", () => {
    expect(compareFigures(figure("500 people", 500), figure("550 people", 550))).toBe("conflict");
    expect(compareFigures(figure("under 100 people", 100, "under"), figure("150 people", 150))).toBe(
      "conflict",
    );
    expect(compareFigures(figure("352 people", 352), figure("352 people", 352))).toBe("agree");
  });
});

describe("compareDates", () => {
  it("reads March and March 19 as compatible, two days of one event as a conflict", () => {
    expect(compareDates("2026-03", "2026-03-19")).toBe("compatible");
    expect(compareDates("2026-03-19", "2026-03-20")).toBe("conflict");
    expect(compareDates("2026-03-19", "2026-03-19")).toBe("agree");
  });
});

describe("conflicts between articles", () => {
  it("shows the same quantity with different values, with both passages", () => {
    const comparison = compareArticles({
      sides: [
        {
          label: "A",
          articles: [
            articleFrom("a", [
              "The ruling coalition won 352 of the 465 seats in the lower house election on Sunday.",
            ]),
          ],
        },
        {
          label: "B",
          articles: [
            articleFrom("b", [
              "The ruling coalition won 310 of the 465 seats in the lower house election on Sunday.",
            ]),
          ],
        },
      ],
    });
    expect(comparison.conflicts).toHaveLength(1);
    const [conflict] = comparison.conflicts;
    expect(conflict).toMatchObject({ kind: "figure", status: "conflict" });
    expect(conflict!.values.map((v) => v.side)).toEqual(["A", "B"]);
    expect(conflict!.values.map((v) => v.passage.citation.paragraph)).toEqual([1, 1]);
  });

  it("reports a precision difference as compatible, not a conflict", () => {
    const comparison = compareArticles({
      sides: [
        {
          label: "A",
          articles: [
            articleFrom("a", [
              "Police said over 1,000 protesters marched to the parliament building in the capital.",
            ]),
          ],
        },
        {
          label: "B",
          articles: [
            articleFrom("b", [
              "Police said 1,200 protesters marched to the parliament building in the capital.",
            ]),
          ],
        },
      ],
    });
    expect(comparison.conflicts).toEqual([]);
    expect(comparison.compatible.map((c) => c.kind)).toEqual(["figure"]);
  });
});
