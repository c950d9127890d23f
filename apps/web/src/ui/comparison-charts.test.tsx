import type { Emphasis, SideVoices, WordChoiceAction } from "@parallax/core";
import { ActionsTable, EmphasisChart, VoicesChart } from "@parallax/ui";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

const cite = { articleId: "a1", side: "Caixin", source: "Caixin", paragraph: 2 };

const voices: SideVoices[] = [
  {
    side: "Caixin",
    quotes: 3,
    byKind: { official: 0.75, expert: 0.25, anonymous: 0, other: 0 },
    voices: [
      {
        speaker: "Expert <img onerror=x>",
        entity: null,
        kind: "expert",
        quotes: 1,
        words: 10,
        share: 0.25,
        citations: [cite],
      },
      {
        speaker: "Foreign ministry",
        entity: null,
        kind: "official",
        quotes: 2,
        words: 30,
        share: 0.75,
        citations: [cite],
      },
    ],
  },
  { side: "nippon.com", quotes: 0, byKind: { official: 0, expert: 0, anonymous: 0, other: 0 }, voices: [] },
];

const bars = (html: string) => [...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe("VoicesChart", () => {
  const html = renderToStaticMarkup(<VoicesChart voices={voices} />);

  it("draws each side's speakers by share, largest first, with the share in text", () => {
    expect(html).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="cmp-voices-chart-title cmp-voices-chart-desc"/,
    );
    expect(html).toContain("Whom each side quotes");
    const [first, second] = bars(html);
    expect(first).toBeGreaterThan(second!);
    expect(first! / second!).toBeCloseTo(3, 1);
    expect(html.indexOf("Foreign ministry")).toBeLessThan(html.indexOf("Expert"));
    expect(html).toContain("75 %");
    expect(html).toContain("Caixin (3 quotes)");
  });

  it("escapes speakers' names and leaves out a side that quotes no one", () => {
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img");
    expect(html).not.toContain("nippon.com (0");
  });
});

describe("EmphasisChart", () => {
  it("gives every side a labelled bar per entity, saying when one does not mention it", () => {
    const emphasis: Emphasis[] = [
      {
        entity: "japan",
        name: "Japan",
        sides: [{ side: "Caixin", mentions: 4, share: 0.4, tone: null, citations: [cite] }],
      },
    ];
    const html = renderToStaticMarkup(<EmphasisChart emphasis={emphasis} sides={["Caixin", "nippon.com"]} />);
    expect(html).toContain("40 % (4)");
    expect(html).toContain("not mentioned");
    expect(html).toContain("<title>Japan: nippon.com, not mentioned</title>");
    expect(bars(html)).toHaveLength(2);
  });

  it("draws nothing without data", () => {
    expect(renderToStaticMarkup(<EmphasisChart emphasis={[]} sides={["A"]} />)).toBe("");
  });
});

describe("ActionsTable", () => {
  it("shows each side's wording of an act, bold and named when only that side uses it", () => {
    const actions: WordChoiceAction[] = [
      {
        concept: "meet",
        differs: true,
        pairs: [],
        sides: [
          { side: "Caixin", phrases: [{ text: "a summit", count: 2, exclusive: true, citations: [cite] }] },
          {
            side: "nippon.com",
            phrases: [{ text: "the meeting", count: 1, exclusive: true, citations: [] }],
          },
        ],
      },
    ];
    const html = renderToStaticMarkup(<ActionsTable actions={actions} sides={["Caixin", "nippon.com"]} />);
    expect(html).toContain("<strong>a summit</strong> ×2");
    expect(html).toContain("(only nippon.com)");
    expect(html).toContain("worded differently");
  });
});
