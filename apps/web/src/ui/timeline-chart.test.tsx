import type { Citation, TimelineEntry } from "@parallax/core";
import { BriefingView, dateSpan, TimelineChart } from "@parallax/ui";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

const article = "3f0c8a53-2d7e-4b1a-9c1e-0d5b8f2a6e11";
const citation: Citation = { articleId: article, source: "Caixin", paragraph: 4 };

const entry = (date: string, text: string, over: Partial<TimelineEntry> = {}): TimelineEntry => ({
  date,
  precision: "day",
  expected: false,
  event: { text, citations: [citation] },
  reports: [
    {
      articleId: article,
      source: "Caixin",
      date,
      precision: "day",
      expected: false,
      text,
      citation,
      fromDigest: false,
    },
  ],
  conflict: false,
  dates: [date],
  ...over,
});

/** The x of each event mark, by its date, as drawn. */
function marks(html: string): Array<{ date: string; kind: string; x: number }> {
  return [
    ...html.matchAll(
      /<g class="tl-event tl-(\w+)[^"]*" data-date="([^"]+)">.*?<line class="tl-stem" x1="([\d.]+)"/g,
    ),
  ].map((m) => ({ kind: m[1]!, date: m[2]!, x: Number(m[3]) }));
}

describe("TimelineChart", () => {
  const entries = [
    entry("2026-02-08", "Election held"),
    entry("2026-03", "Cabinet formed"),
    entry("2026-02-20", "Coalition talks", { conflict: true, dates: ["2026-02-20", "2026-02-24"] }),
    entry("2026-04-15", "Summit <script>alert('x')</script> & talks", { expected: true }),
  ];
  const html = renderToStaticMarkup(<TimelineChart entries={entries} />);

  it("places the events on the date axis in date order", () => {
    const drawn = marks(html);
    expect(drawn).toHaveLength(4);
    const byDate = [...drawn].sort((a, b) => a.x - b.x).map((m) => m.date);
    expect(byDate).toEqual(["2026-02-08", "2026-02-20", "2026-03", "2026-04-15"]);
  });

  it("draws expected events with another shape than reported ones, and says so in words", () => {
    const drawn = marks(html);
    expect(drawn.find((m) => m.date === "2026-04-15")!.kind).toBe("expected");
    expect(drawn.filter((m) => m.kind === "reported")).toHaveLength(3);
    expect(html).toMatch(/<g class="tl-event tl-expected"[^>]*>.*?<path class="tl-mark"/);
    expect(html).toMatch(/<g class="tl-event tl-reported"[^>]*>.*?<circle class="tl-mark"/);
    expect(html).toContain("3 reported (filled circles), 1 expected (hollow diamonds)");
  });

  it("flags conflicting dates with a symbol and text, and has a title and description", () => {
    expect(html).toContain("3 ⚠");
    expect(html).toContain("Sources give conflicting dates for event 3");
    expect(html).toContain('class="tl-range"');
    expect(html).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="timeline-chart-title timeline-chart-desc"/,
    );
    expect(html).toContain('<title id="timeline-chart-title">');
    expect(html).toContain('<desc id="timeline-chart-desc">');
  });

  it("escapes hostile event text", () => {
    expect(html).not.toContain("<script>");
    expect(html).toContain("Summit &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; talks");
  });

  it("draws nothing when no date can be placed, and one date without dividing by zero", () => {
    expect(renderToStaticMarkup(<TimelineChart entries={[entry("someday", "Vague")]} />)).toBe("");
    const one = renderToStaticMarkup(<TimelineChart entries={[entry("2026-02-08", "Only")]} />);
    expect(one).not.toContain("NaN");
    expect(marks(one)).toHaveLength(1);
  });
});

describe("dateSpan", () => {
  it("reads every precision the briefing gives", () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
    expect(dateSpan("2026-03-19")).toEqual({ start: day("2026-03-19"), end: day("2026-03-20") });
    expect(dateSpan("2026-03")).toEqual({ start: day("2026-03-01"), end: day("2026-04-01") });
    expect(dateSpan("2026-Q2")).toEqual({ start: day("2026-04-01"), end: day("2026-07-01") });
    expect(dateSpan("2026-SU")).toEqual({ start: day("2026-06-01"), end: day("2026-09-01") });
    expect(dateSpan("2026")).toEqual({ start: day("2026-01-01"), end: day("2027-01-01") });
    expect(dateSpan("2026-W02")!.start).toBe(day("2026-01-11"));
    expect(dateSpan("tomorrow")).toBeNull();
  });
});

describe("BriefingView", () => {
  it("links entities to their pages, tables key figures with conflicts flagged, and renders chips with Cite", () => {
    const html = renderToStaticMarkup(
      <BriefingView
        briefing={{
          builder: 1,
          scope: "story",
          headline: null,
          keyPoints: [
            {
              n: 1,
              sentences: [{ text: "A point.", citations: [citation] }],
              articleIds: [article],
              genre: "news",
              attributedTo: null,
            },
          ],
          entities: [
            {
              slug: "takaichi-sanae",
              name: "Takaichi Sanae",
              type: "person",
              description: null,
              mentions: [],
              total: 3,
            },
          ],
          timeline: [entry("2026-02-08", "Election held")],
          figures: [
            {
              subject: "seats won",
              kind: "count",
              unit: "seats",
              values: [
                { text: "316 seats", value: 316, qualifier: "exact", citations: [citation] },
                {
                  text: "320 seats",
                  value: 320,
                  qualifier: "exact",
                  citations: [{ ...citation, paragraph: 7 }],
                },
              ],
              conflict: true,
              articleIds: [article],
            },
          ],
          sources: [],
        }}
        Cite={({ citation: c }) => <button type="button">chip {c.paragraph}</button>}
      />,
    );
    expect(html).toContain('<a href="/entities/takaichi-sanae">Takaichi Sanae</a>');
    expect(html).toMatch(
      /<table class="sources-table figures-table">.*seats won.*316 seats.*320 seats.*Sources disagree/,
    );
    expect(html).toContain("chip 7");
    expect(html).not.toContain('class="cite"');
    expect(html).toContain('class="timeline-chart"');
  });
});
