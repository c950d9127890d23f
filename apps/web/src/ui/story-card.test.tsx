// Renders @parallax/ui's components here because react-dom (for renderToStaticMarkup) is a dependency of the
// web app, not of the framework-free ui package.
import { formatRelative, StoryCards, type StoryCardEntry } from "@parallax/ui";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

const now = new Date("2026-03-05T12:00:00Z");
const article = "3f0c8a53-2d7e-4b1a-9c1e-0d5b8f2a6e11";

const card = (over: Partial<StoryCardEntry> = {}): StoryCardEntry => ({
  id: "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6",
  headline: {
    text: "Leaders <script>alert(1)</script> meet",
    citations: [{ articleId: article, source: "Caixin", paragraph: 2 }],
  },
  title: "Earliest title",
  keyPoints: [
    {
      n: 1,
      genre: "news",
      sentences: [
        { text: "First point.", citations: [{ articleId: article, source: "Caixin", paragraph: 3 }] },
      ],
    },
    {
      n: 2,
      genre: "opinion",
      sentences: [
        { text: "Second point.", citations: [{ articleId: article, source: "nippon.com", paragraph: 5 }] },
      ],
    },
  ],
  briefingVersion: 2,
  articleCount: 3,
  outlets: [
    { id: "a", name: "Caixin", domain: "caixinglobal.com", articles: 2 },
    { id: null, name: "Unknown outlet", domain: null, articles: 1 },
  ],
  countries: [
    { country: "CN", articles: 2 },
    { country: "unknown", articles: 1 },
  ],
  genres: { news: 2, opinion: 1, analysis: 0, unspecified: 0 },
  updatedAt: "2026-03-05T09:00:00.000Z",
  ...over,
});

describe("StoryCards", () => {
  it("shows the headline as a link, two key points with citation chips, source mix as text and times", () => {
    const html = renderToStaticMarkup(<StoryCards cards={[card()]} now={now} />);
    expect(html).toContain(`href="/stories/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"`);
    expect(html).toContain("Leaders &lt;script&gt;alert(1)&lt;/script&gt; meet");
    expect(html).not.toContain("<script>");
    expect(html).toContain(`href="/articles/${article}#p-3"`);
    // What a sighted reader sees on the chip, and what a screen reader says for it.
    const visible = html.replace(/<span class="visually-hidden">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, "");
    expect(visible).toContain("[nippon.com ¶5]");
    expect(html).toContain('<span class="visually-hidden">paragraph </span>5');
    expect(html).toContain("Opinion");
    expect(html).toContain("Caixin ×2");
    expect(html).toContain("China ×2");
    expect(html).toContain("Country unknown ×1");
    expect(html).toContain("2 news");
    expect(html).toContain("1 opinion");
    expect(html).not.toContain("0 analysis");
    expect(html).toContain("3 articles");
    expect(html).toContain("3 hours ago");
    expect(html).toContain("5 Mar 2026, 09:00 UTC");
  });

  it("shows three chips per sentence and one more chip leading to the briefing for the rest", () => {
    const citations = Array.from({ length: 40 }, (_, i) => ({
      articleId: article,
      source: "Wire",
      paragraph: i + 1,
    }));
    const html = renderToStaticMarkup(
      <StoryCards
        cards={[
          card({
            keyPoints: [{ n: 1, genre: "news", sentences: [{ text: "Widely reported.", citations }] }],
          }),
        ]}
        now={now}
      />,
    );
    expect(html.match(/href="\/articles\//g)).toHaveLength(3);
    expect(html).toContain(`href="/articles/${article}#p-3"`);
    expect(html).not.toContain(`href="/articles/${article}#p-4"`);
    expect(html).toMatch(
      /<a class="cite cite-more" href="\/stories\/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6">\+37<span class="visually-hidden"> more cited paragraphs, in the story’s briefing<\/span><\/a>/,
    );
  });

  it("falls back to the earliest article's title before the first briefing", () => {
    const html = renderToStaticMarkup(
      <StoryCards cards={[card({ headline: null, keyPoints: [], briefingVersion: null })]} now={now} />,
    );
    expect(html).toContain("Earliest title");
    expect(html).toContain("No briefing yet.");
  });
});

describe("formatRelative", () => {
  it("says how long ago, and nothing for an unreadable date", () => {
    expect(formatRelative("2026-03-04T12:00:00Z", now)).toBe("yesterday");
    expect(formatRelative("2026-03-05T11:59:30Z", now)).toBe("just now");
    expect(formatRelative("2025-12-01T00:00:00Z", now)).toBe("3 months ago");
    expect(formatRelative("garbage", now)).toBeNull();
  });
});
