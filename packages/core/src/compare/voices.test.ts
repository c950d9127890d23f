import { describe, expect, it } from "vitest";
import { articleFrom } from "./__fixtures__/seeds";
import { compareArticles } from "./compare";

describe("voices and emphasis", () => {
  const comparison = compareArticles({
    sides: [
      {
        label: "A",
        articles: [
          articleFrom("a", [
            '"The talks were a great success," said Foreign Minister Motegi Toshimitsu after the summit in Tokyo.',
            "The sanctions will stay, a senior official said on condition of anonymity.",
            "The summit in Tokyo changed little, said Gui Yongtao, a professor at Peking University.",
          ]),
        ],
      },
      {
        label: "B",
        articles: [
          articleFrom("b", [
            "The summit in Tokyo ended without a joint statement, and critics called it a failure.",
          ]),
        ],
      },
    ],
  });

  it("tells officials, experts and anonymous sources apart, with shares of voice", () => {
    const a = comparison.voices.find((v) => v.side === "A")!;
    const kinds = Object.fromEntries(a.voices.map((v) => [v.speaker, v.kind]));
    expect(kinds).toMatchObject({ "Motegi Toshimitsu": "official", "Gui Yongtao": "expert" });
    expect(a.voices.some((v) => v.kind === "anonymous")).toBe(true);
    expect(a.voices.reduce((s, v) => s + v.share, 0)).toBeCloseTo(1, 2);
    expect(comparison.voices.find((v) => v.side === "B")!.quotes).toBe(0);
  });

  it("gives each main entity its share of mentions and tone per side", () => {
    const tokyo = comparison.emphasis.find((e) => e.entity === "tokyo")!;
    const [a, b] = tokyo.sides;
    expect(a!.mentions).toBeGreaterThan(0);
    expect(b!.tone!.mean).toBeLessThan(a!.tone!.mean);
  });
});
