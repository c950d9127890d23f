import { describe, expect, it } from "vitest";
import { zNormalizedArticle } from "../schemas/article";
import { readFixture } from "./__fixtures__/seeds";
import { NormalizeError, normalize } from "./index";

const html = (value: string, url?: string) =>
  normalize({ kind: "html", html: value, ...(url ? { url } : {}) });
const LONG = "The council approved the new harbour plan after a debate that lasted well into the evening.";
// One paragraph alone must carry enough text to count as an article (MIN_ARTICLE_CHARS).
const LEAD = `${LONG} Construction of the new quay is expected to start next spring and take three years.`;

// The date module decides how an offset is written; these tests only care which instant it is.
const instant = (value: string | null) => (value ? new Date(value).toISOString() : null);

function thrown(fn: () => unknown): NormalizeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof NormalizeError) return error;
    throw error;
  }
  throw new Error("expected a NormalizeError");
}

describe("a news page with page furniture", () => {
  const article = () =>
    html(readFixture("news-page.html"), "https://harbourtimes.example/world/port-strike?utm_source=x#top");

  it("keeps only the article body, in order, with its block kinds", () => {
    expect(article().paragraphs.map((p) => [p.kind, p.text.slice(0, 40)])).toEqual([
      ["paragraph", "Dock workers at Europe’s largest port wa"],
      ["paragraph", "The union said the strike would last “as"],
      ["heading", "Shipping Lines Divert to Antwerp"],
      ["paragraph", "Several of the largest shipping lines sa"],
      ["quote", "“We cannot take every ship that Rotterda"],
      ["list-item", "Container volumes fell by a third in the"],
      ["list-item", "Bulk terminals remain open under an emer"],
      ["paragraph", "Talks between the union and the port emp"],
    ]);
  });

  it("lets no navigation, share, cookie, ad, newsletter, related, comment, footer or script text through", () => {
    const all = article()
      .paragraphs.map((p) => p.text)
      .join("\n");
    for (const junk of [
      "Home",
      "Share on",
      "cookies",
      "Advertisement",
      "Sign up",
      "Related",
      "Hamburg dock workers vote",
      "overdue",
      "Rain expected",
      "All rights reserved",
      "not text",
      "enable JavaScript",
      "premium plan",
      "explainer",
    ]) {
      expect(all).not.toContain(junk);
    }
  });

  it("decodes entities and reads metadata from meta tags", () => {
    const result = article();
    expect(result.paragraphs[1]!.text).toContain("“as long as it takes”");
    expect(result.paragraphs[1]!.text).toContain("€150 million");
    expect(result).toMatchObject({
      title: "Port Strike Halts Exports at Rotterdam",
      titleSource: "explicit",
      byline: "Anna de Vries",
      siteName: "The Harbour Times",
      language: "en",
      url: "https://harbourtimes.example/world/port-strike?utm_source=x#top",
      canonicalUrl: "https://harbourtimes.example/world/port-strike?ref=canonical",
    });
    expect(instant(result.publishedAt)).toBe("2026-03-10T07:30:00.000Z");
    expect(() => zNormalizedArticle.parse(result)).not.toThrow();
  });
});

describe("metadata", () => {
  it("prefers JSON-LD headline, authors, date and publisher, and reads content-language", () => {
    const result = html(readFixture("jsonld-page.html"));
    expect(result).toMatchObject({
      title: "Central Bank Holds Rates Steady as Inflation Cools",
      titleSource: "explicit",
      byline: "Jonas Weber, Mia Braun",
      publishedAt: "2026-02-03T14:00:00.000Z",
      siteName: "Daily Ledger",
      language: "de",
      canonicalUrl: null,
    });
    // The <h1> repeats the title and is not a body paragraph.
    expect(result.paragraphs.map((p) => p.kind)).toEqual(["paragraph", "paragraph", "paragraph"]);
  });

  it("falls back to <title> minus the site suffix, <time datetime> in the article and the URL's domain", () => {
    const page = `<html><head><title>Harbour Plan Approved | Coast News</title></head><body>
      <aside><time datetime="2001-01-01">old teaser</time></aside>
      <article><time datetime="2026-01-05T10:00:00+09:00">5 Jan</time><p>${LONG}</p><p>${LONG}</p></article></body></html>`;
    const result = html(page, "https://www.coast.example/a?fbclid=1");
    expect(instant(result.publishedAt)).toBe("2026-01-05T01:00:00.000Z");
    expect(result).toMatchObject({
      title: "Harbour Plan Approved",
      siteName: "coast.example",
      canonicalUrl: "https://www.coast.example/a",
      language: "en",
    });
  });

  it("derives a title when the page has none and leaves the date null without evidence", () => {
    const result = html(`<body><div><p>${LONG}</p><p>${LONG}</p></div></body>`);
    expect(result.titleSource).toBe("derived");
    expect(result.title).toBe(LONG);
    expect(result.publishedAt).toBeNull();
    expect(result.byline).toBeNull();
  });

  it("refuses meta authors that are URLs", () => {
    const page = `<head><meta name="author" content="https://facebook.com/someone"></head><article><p>${LONG}</p><p>${LONG}</p></article>`;
    expect(html(page).byline).toBeNull();
  });
});

describe("content selection", () => {
  it("finds the body in a page of plain <div>s by paragraph text and link density", () => {
    const links = Array.from(
      { length: 12 },
      (_, i) => `<a href="/${i}">Another story headline number ${i}</a>`,
    ).join(" ");
    const page = `<body><div class="top">${links}</div><div class="x"><div class="y"><p>${LONG}</p><p>${LONG} Again.</p><p>${LONG} Thrice.</p></div></div><div>${links}</div></body>`;
    expect(html(page).paragraphs.map((p) => p.text)).toEqual([LONG, `${LONG} Again.`, `${LONG} Thrice.`]);
  });

  it("splits text separated by <br><br> and keeps text with no <p> at all", () => {
    const page = `<body><div id="story">${LONG}<br><br>${LONG} Second.<br>Same paragraph.</div></body>`;
    expect(html(page).paragraphs.map((p) => p.text)).toEqual([LONG, `${LONG} Second. Same paragraph.`]);
  });

  it("still finds the article when every wrapper has a furniture-like class name", () => {
    const page = `<body><div class="layout has-sidebar"><div class="main-ads-wrapper"><p>${LONG}</p><p>${LONG}</p></div></div></body>`;
    expect(html(page).paragraphs).toHaveLength(2);
  });

  it("never outputs script, style, iframe, noscript or template content", () => {
    const page = `<body><article><p>${LONG}</p><script>var secret = 1;</script><style>p{}</style><iframe>frame</iframe><noscript>enable js</noscript><template><p>tpl</p></template><p>${LONG}</p></article></body>`;
    const texts = html(page).paragraphs.map((p) => p.text);
    expect(texts).toEqual([LONG, LONG]);
  });

  it("answers no-article for a home page that is a list of links", () => {
    const error = thrown(() => html(readFixture("home-page.html")));
    expect(error.code).toBe("no-article");
    expect(error.message).toBe("no article found");
  });

  it("answers no-article for a front page of teaser <article>s", () => {
    const teaser = (i: number) => `<article><h2><a href="/${i}">Story ${i}</a></h2><p>${LONG}</p></article>`;
    const page = `<body><main>${[1, 2, 3, 4, 5, 6].map(teaser).join("")}</main></body>`;
    expect(thrown(() => html(page)).code).toBe("no-article");
  });

  it("answers no-article for markup without text", () => {
    expect(thrown(() => html("<html><body><div><img src=a.png></div></body></html>")).code).toBe(
      "no-article",
    );
  });
});

describe("hostile HTML", () => {
  it("survives 100,000 nested <div>s", () => {
    const page = `<html><body>${"<div>".repeat(100_000)}<p>${LEAD}</p>${"</div>".repeat(100_000)}</body></html>`;
    expect(html(page).paragraphs.map((p) => p.text)).toEqual([LEAD]);
  });

  it("survives 100,000 unclosed nested inline elements", () => {
    const page = `<body><p>${LEAD}</p>${"<span><b>".repeat(50_000)}</body>`;
    expect(html(page).paragraphs[0]!.text).toBe(LEAD);
  });

  it("survives a 5 MB attribute", () => {
    const page = `<html><body><div class="${"a ".repeat(2_621_440)}" data-x="${"x".repeat(1_000)}"><p>${LONG}</p><p>${LONG}</p></div></body></html>`;
    expect(html(page).paragraphs).toHaveLength(2);
  });

  it("survives deeply nested JSON-LD", () => {
    const page = `<script type="application/ld+json">${'{"author":'.repeat(50_000)}1${"}".repeat(50_000)}</script><p>${LEAD}</p>`;
    expect(html(page).paragraphs).toHaveLength(1);
  });

  it("survives 20,000 figures, furniture labels and table rows in one article", () => {
    const figures = '<figure><img src="a.jpg"><figcaption>Photo: Jane Doe</figcaption></figure>'.repeat(
      20_000,
    );
    const labels = "<h3>Related</h3><p>x</p>".repeat(20_000);
    const rows = `<table>${"<tr><td>a</td><td>b</td></tr>".repeat(20_000)}</table>`;
    const result = html(`<article><p>${LEAD}</p>${figures}${labels}${rows}</article>`);
    expect(result.paragraphs[0]!.text).toBe(LEAD);
    expect(result.captions).toEqual([{ text: "Photo: Jane Doe", credit: "Jane Doe" }]);
  });
});

describe("edge shapes", () => {
  it("drops the page's <h1> from the body even when og:title words it differently", () => {
    const page = `<head><meta property="og:title" content="Harbour plan approved"></head><body><article><h1>Council Approves the Harbour Plan</h1><p>${LONG}</p><p>${LONG}</p></article></body>`;
    const result = html(page);
    expect(result.title).toBe("Harbour plan approved");
    expect(result.paragraphs.map((p) => p.kind)).toEqual(["paragraph", "paragraph"]);
  });

  it("reads a document without any markup as text", () => {
    const result = html(`Harbour Plan Approved\n\n${LONG}\n\n${LONG}`);
    expect(result).toMatchObject({ title: "Harbour Plan Approved", titleSource: "explicit" });
    expect(result.paragraphs).toHaveLength(2);
  });
});
