import { describe, expect, it } from "vitest";
import { renderBriefingMarkdown } from "../brief/markdown";
import { zBriefing } from "../schemas/briefing";
import { inertMarkdown } from "./markdown";

describe("inertMarkdown", () => {
  it("escapes what could open HTML and non-http links, leaving the text readable", () => {
    expect(inertMarkdown('He wrote <script>alert(1)</script> and <img src=x onerror="y">')).toBe(
      'He wrote \\<script>alert(1)\\</script> and \\<img src=x onerror="y">',
    );
    expect(inertMarkdown("[click](javascript:alert(1)) [data](data:text/html,x)")).toBe(
      "[click]\\(javascript:alert(1)) [data]\\(data:text/html,x)",
    );
    expect(inertMarkdown("<!-- x --> <?php ?> </title>")).toBe("\\<!-- x --> \\<?php ?> \\</title>");
  });

  it("leaves comparisons, http(s) links and ordinary text alone", () => {
    const text = "Rates < 2% and 3 > 1; [Caixin ¶4]; see [the story](https://example.com/a?b=1).";
    expect(inertMarkdown(text)).toBe(text);
  });
});

describe("briefing Markdown from hostile text", () => {
  it("keeps scripts, handlers and javascript: links from article text inert", () => {
    const citation = {
      articleId: "a1b2c3d4-0000-4000-8000-000000000001",
      source: "x](javascript:alert(1)) [y",
      paragraph: 1,
    };
    const markdown = renderBriefingMarkdown(
      zBriefing.parse({
        builder: 1,
        scope: "story",
        headline: { text: "</title><script>alert(1)</script>", citations: [citation] },
        keyPoints: [
          {
            n: 1,
            sentences: [{ text: '<svg onload="alert(1)"></svg> said the minister', citations: [citation] }],
            articleIds: [citation.articleId],
            genre: "news",
            attributedTo: null,
          },
        ],
        entities: [],
        timeline: [],
        figures: [],
        sources: [
          {
            articleId: citation.articleId,
            label: "Evil",
            outlet: "Evil",
            country: null,
            title: "[t](javascript:alert(1))",
            url: "https://evil.example/a",
            publishedAt: null,
            referenceDate: null,
            genre: "news",
            genreInferred: false,
          },
        ],
      }),
    );
    expect(markdown).toContain("# \\</title>\\<script>alert(1)\\</script>");
    expect(markdown).toContain('\\<svg onload="alert(1)">');
    expect(markdown).not.toMatch(/(?<!\\)<(script|svg|\/title)/);
    expect(markdown).not.toMatch(/\]\(javascript:/);
    // The source's own link to its page stays a link.
    expect(markdown).toContain("](https://evil.example/a)");
  });
});
