import { describe, expect, it } from "vitest";
import { articleFrom } from "./__fixtures__/seeds";
import { compareArticles } from "./compare";

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
