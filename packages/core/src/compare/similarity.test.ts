import { describe, expect, it } from "vitest";
import { articleFrom } from "./__fixtures__/seeds";
import { ComparisonInputError, compareArticles } from "./compare";

const STORY = [
  "Prime Minister Takaichi will meet President Trump at the White House on March 19.",
  "Japan has pledged to invest $550 billion in the United States under the tariff agreement.",
  "The ruling coalition holds a two-thirds majority in the lower house.",
];
const OTHER = [
  "The city council approved a new budget for public libraries on Wednesday.",
  "Librarians welcomed the extra funds for children's reading programs.",
  "The mayor said opening hours would be extended in the autumn.",
];

const similarity = (a: string[], b: string[]) =>
  compareArticles({
    sides: [
      { label: "A", articles: [articleFrom("a", a)] },
      { label: "B", articles: [articleFrom("b", b)] },
    ],
  }).similarity[0]!.similarity;

describe("article similarity", () => {
  it("is 1 for the same story told the same way and 0 for unrelated stories", () => {
    expect(similarity(STORY, STORY)).toBe(1);
    expect(similarity(STORY, OTHER)).toBe(0);
  });

  it("is in between when one article tells part of the other's story", () => {
    const part = similarity(STORY, [STORY[0]!, ...OTHER]);
    expect(part).toBeGreaterThan(0.2);
    expect(part).toBeLessThan(0.8);
  });
});

describe("bad input", () => {
  it("refuses fewer than two sides, repeated labels and an article on two sides", () => {
    const a = articleFrom("a", STORY);
    expect(() => compareArticles({ sides: [{ label: "A", articles: [a] }] })).toThrow(ComparisonInputError);
    expect(() =>
      compareArticles({
        sides: [
          { label: "A", articles: [a] },
          { label: "A", articles: [articleFrom("b", OTHER)] },
        ],
      }),
    ).toThrow(/two sides are labelled "A"/);
    expect(() =>
      compareArticles({
        sides: [
          { label: "A", articles: [a] },
          { label: "B", articles: [a] },
        ],
      }),
    ).toThrow(/more than one side/);
  });

  it("gives an empty but valid comparison for articles without text", () => {
    const empty = compareArticles({
      sides: [
        { label: "A", articles: [articleFrom("a", [])] },
        { label: "B", articles: [articleFrom("b", [])] },
      ],
    });
    expect(empty.sharedFacts).toEqual([]);
    expect(empty.similarity).toEqual([{ a: "a", b: "b", similarity: 0, sharedFacts: 0 }]);
    expect(empty.overview).toEqual([]);
  });
});
