import { type Briefing, zBriefing } from "@parallax/core";
import { describe, expect, it } from "vitest";
import { sanitizeFeedHtml } from "./feed-html";
import { atomFeed, type FeedStory, jsonFeed, storyContentHtml } from "./feeds";

const PAYLOADS = [
  `<script>window.__pwned = 1</script>`,
  `<img src=x onerror="window.__pwned = 1">`,
  `<a href="javascript:window.__pwned = 1">click</a>`,
  `</title><script>window.__pwned = 1</script>`,
  `<svg onload="window.__pwned = 1"><circle r="1"/></svg>`,
  `<iframe src="https://evil.example/"></iframe>`,
  `"><p style="x" onclick="window.__pwned = 1">`,
];

describe("sanitizeFeedHtml", () => {
  it("removes scripts, event handlers, javascript: links, SVG and iframes that reached the markup raw", () => {
    for (const payload of PAYLOADS) {
      const clean = sanitizeFeedHtml(`<p>Before ${payload} after</p>`);
      expect(clean, payload).not.toMatch(
        /<script|<svg|<iframe|<img|onerror|onload|onclick|javascript:|style=/i,
      );
      expect(clean, payload).toMatch(/^<p>Before .*after<\/p>$/s);
    }
  });

  it("keeps the markup the feed writes: paragraphs, the list, headings, emphasis and http(s) links", () => {
    const html =
      '<p>Briefing</p>\n<h2>Key points</h2><ol><li>One <a href="https://parallax.example/articles/1#p-3">[Caixin ¶3]</a> <em>(opinion)</em></li></ol>';
    expect(sanitizeFeedHtml(html)).toBe(html);
  });
});

function hostileBriefing(): Briefing {
  const citation = { articleId: "a1b2c3d4-0000-4000-8000-000000000001", source: PAYLOADS[1]!, paragraph: 3 };
  return zBriefing.parse({
    builder: 1,
    scope: "story",
    headline: { text: PAYLOADS[3]!, citations: [citation] },
    keyPoints: PAYLOADS.map((payload, i) => ({
      n: i + 1,
      sentences: [{ text: `The page said ${payload}`, citations: [citation] }],
      articleIds: [citation.articleId],
      genre: "news",
      attributedTo: null,
    })),
    entities: [],
    timeline: [],
    figures: [],
    sources: [
      {
        articleId: citation.articleId,
        label: PAYLOADS[4]!,
        outlet: "Evil",
        country: null,
        title: PAYLOADS[0]!,
        url: null,
        publishedAt: null,
        referenceDate: null,
        genre: "news",
        genreInferred: false,
      },
    ],
  });
}

describe("feeds built from hostile article text", () => {
  const story: FeedStory = {
    storyId: "0b0e5a1c-1111-4222-8333-444455556666",
    version: 1,
    builtAt: "2026-03-20T10:00:00.000Z",
    firstBuiltAt: "2026-03-01T10:00:00.000Z",
    articleCount: 1,
    briefing: hostileBriefing(),
  };
  const meta = {
    origin: "https://parallax.example",
    title: "Parallax",
    description: "Stories",
    pagePath: "/",
    feedPath: "/feeds/stories",
  };

  it("shows every payload as text in the entry content, never as markup", () => {
    const content = sanitizeFeedHtml(storyContentHtml(meta.origin, story));
    for (const payload of PAYLOADS) {
      const escaped = payload.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      expect(content, payload).toContain(escaped.slice(0, 20));
    }
    // Parsed as HTML (what a feed reader does), the content holds only allowed elements.
    const tags = [...content.matchAll(/<([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase());
    expect(new Set(tags)).toEqual(new Set(["p", "h2", "ol", "li", "a"]));
    // Text keeps its < escaped, so every "<" left starts a real tag: none carries a handler or a script link.
    for (const tag of content.match(/<[^>]*>/g) ?? [])
      expect(tag).not.toMatch(/\son\w+=|javascript:|style=/i);
  });

  it("writes Atom and JSON Feed documents whose HTML has no live markup from the text", () => {
    const atom = atomFeed(meta, [story]);
    expect(atom).not.toMatch(/<script|<svg|<iframe|<img/i);
    const json = JSON.parse(jsonFeed(meta, [story])) as {
      items: Array<{ content_html: string; title: string }>;
    };
    const html = json.items[0]!.content_html;
    for (const tag of html.match(/<[^>]*>/g) ?? []) {
      expect(tag).toMatch(/^<\/?(p|h2|ol|li|a)\b/);
      expect(tag).not.toMatch(/\son\w+=|javascript:|style=/i);
    }
    // A JSON Feed title is plain text: the reader escapes it; it is kept as written.
    expect(json.items[0]!.title).toBe(PAYLOADS[3]);
  });
});
