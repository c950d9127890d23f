import { describe, expect, it } from "vitest";
import { normalize } from "./index";

const LONG =
  "The council approved the new harbour plan after a debate that lasted well into the evening, and the mayor promised that work would begin before the summer.";
const GERMAN =
  "Der Stadtrat hat den neuen Hafenplan nach einer Debatte gebilligt, die bis spät in den Abend dauerte. Die Bürgermeisterin versprach, dass die Arbeiten noch vor dem Sommer beginnen würden, und die Opposition kündigte Widerstand an.";

interface PageParts {
  head?: string;
  /** Inside the <article>, before and after the headline. */
  before?: string;
  after?: string;
  /** Outside the article: sidebars, footers. */
  outside?: string;
  lang?: string;
  body?: string;
}

function page(parts: PageParts = {}): string {
  const lang = parts.lang === undefined ? ' lang="en"' : parts.lang ? ` lang="${parts.lang}"` : "";
  const body = parts.body ?? `<p>${LONG}</p><p>${LONG}</p><p>${LONG}</p>`;
  return `<!doctype html><html${lang}><head><title>Harbour Plan Approved | Coast News</title>${parts.head ?? ""}</head>
    <body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    <main><article>${parts.before ?? ""}<h1>Harbour Plan Approved</h1>${parts.after ?? ""}${body}</article>
    ${parts.outside ?? ""}</main><footer><p>© 2019 Coast News. All rights reserved.</p></footer></body></html>`;
}

const read = (html: string, url?: string) => normalize({ kind: "html", html, ...(url ? { url } : {}) });
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const day = (iso: string) => `${iso}T00:00:00.000Z`;

describe("JSON-LD", () => {
  it("reads the article from @graph, with author objects, section, keywords and image", () => {
    const head = ld({
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", name: "Coast News" },
        {
          "@type": "BreadcrumbList",
          itemListElement: [
            { position: 1, name: "Home" },
            { position: 2, name: "Harbour" },
          ],
        },
        {
          "@type": ["NewsArticle"],
          headline: "Council Approves the Harbour Plan",
          datePublished: "2026-03-10T08:30:00+01:00",
          dateModified: "2026-03-11T09:00:00+01:00",
          author: [
            { "@type": "Person", name: "Anna de Vries" },
            { "@type": "Person", name: "Jan Bakker" },
          ],
          articleSection: ["City"],
          keywords: "harbour, council, budget",
          image: { "@type": "ImageObject", url: "/img/harbour.jpg" },
        },
      ],
    });
    const result = read(
      page({ head: `${head}<link rel="canonical" href="https://coast.example/city/harbour">` }),
    );
    expect(result).toMatchObject({
      title: "Council Approves the Harbour Plan",
      authors: ["Anna de Vries", "Jan Bakker"],
      byline: "Anna de Vries, Jan Bakker",
      publishedAt: "2026-03-10T08:30:00.000+01:00",
      modifiedAt: "2026-03-11T09:00:00.000+01:00",
      section: "City",
      tags: ["harbour", "council", "budget"],
      imageUrl: "https://coast.example/img/harbour.jpg",
    });
  });

  it("reads a top-level array, string authors, and falls back to the breadcrumb for the section", () => {
    const head = ld([
      {
        "@type": "BreadcrumbList",
        itemListElement: [
          { position: 1, name: "Home" },
          { position: 2, name: "Politics" },
        ],
      },
      {
        "@type": "BlogPosting",
        headline: "Harbour Plan Approved",
        author: "Jane Doe",
        datePublished: "2024-05-06",
      },
    ]);
    expect(read(page({ head }))).toMatchObject({
      authors: ["Jane Doe"],
      publishedAt: day("2024-05-06"),
      section: "Politics",
    });
  });

  it("credits an organization only when no person is named", () => {
    const head = ld({
      "@type": "NewsArticle",
      headline: "Harbour Plan Approved",
      author: { "@type": "Organization", name: "Coast News Desk" },
    });
    expect(read(page({ head })).authors).toEqual(["Coast News Desk"]);
  });
});

describe("meta tags", () => {
  it("reads Open Graph, article:* and description tags", () => {
    const head = `<meta property="og:title" content="Harbour Plan Approved – Coast News">
      <meta property="og:site_name" content="Coast News">
      <meta property="article:published_time" content="2026-03-10T08:30:00Z">
      <meta property="article:modified_time" content="2026-03-12T08:30:00Z">
      <meta property="article:section" content="Opinion">
      <meta property="article:tag" content="harbour"><meta property="article:tag" content="budget">
      <meta name="keywords" content="council, Harbour">
      <meta name="description" content="The council approved the plan.">
      <meta property="og:image" content="https://cdn.example/harbour.jpg">
      <meta name="author" content="Jane Doe and John Roe">`;
    expect(read(page({ head }))).toMatchObject({
      title: "Harbour Plan Approved",
      siteName: "Coast News",
      publishedAt: "2026-03-10T08:30:00.000Z",
      modifiedAt: "2026-03-12T08:30:00.000Z",
      section: "Opinion",
      genre: "opinion",
      tags: ["harbour", "budget", "council"],
      description: "The council approved the plan.",
      imageUrl: "https://cdn.example/harbour.jpg",
      authors: ["Jane Doe", "John Roe"],
    });
  });

  it("reads a byline element and rel=author when the head names nobody", () => {
    expect(read(page({ after: `<p class="byline">By Jane Doe and John Roe</p>` })).authors).toEqual([
      "Jane Doe",
      "John Roe",
    ]);
    expect(read(page({ after: `<a rel="author" href="/jane">Jane Doe</a>` })).authors).toEqual(["Jane Doe"]);
  });
});

describe("publication dates", () => {
  it("takes the date from the page's URL when the page says nothing", () => {
    expect(read(page(), "https://coast.example/2016/12/23/harbour-plan/").publishedAt).toBe(
      day("2016-12-23"),
    );
    const canonical = `<link rel="canonical" href="https://coast.example/news/20161223-harbour">`;
    expect(read(page({ head: canonical })).publishedAt).toBe(day("2016-12-23"));
  });

  it.each([
    ["Veröffentlicht am 23. März 2021", "2021-03-23"],
    ["Publié le 23 mars 2021", "2021-03-23"],
    ["Publicado el 23 de marzo de 2021", "2021-03-23"],
    ["Pubblicato il 23 marzo 2021", "2021-03-23"],
    ["2021年03月23日 10:00", "2021-03-23"],
    ["Published: March 12, 2026", "2026-03-12"],
    ["12.03.2026", "2026-03-12"],
  ])("reads the visible dateline %j", (dateline, iso) => {
    expect(read(page({ after: `<p class="meta">${dateline}</p>` })).publishedAt).toBe(day(iso));
  });

  it("reads an unlabelled date right under the headline, and <time> in the article", () => {
    expect(read(page({ after: "<p>January 22, 2014</p>" })).publishedAt).toBe(day("2014-01-22"));
    const time = `<time datetime="2026-01-05T10:00:00+09:00">5 Jan</time>`;
    expect(read(page({ before: time })).publishedAt).toBe("2026-01-05T10:00:00.000+09:00");
  });

  it("does not take a copyright year or a last-updated date when the publication date is shown", () => {
    const html = page({
      after: `<p class="meta">Published 2 March 2026</p><p class="meta">Last updated: 9 March 2026</p>`,
    });
    expect(read(html)).toMatchObject({ publishedAt: day("2026-03-02"), modifiedAt: day("2026-03-09") });
    expect(read(page()).publishedAt).toBeNull();
  });

  it("falls back to the only date a page has, even when it is an update date", () => {
    expect(read(page({ after: `<p class="info">Aktualisiert: 30.12.2016</p>` })).publishedAt).toBe(
      day("2016-12-30"),
    );
  });

  it("ignores dates of comments, related stories and embedded posts", () => {
    const html = page({
      body: `<p>${LONG}</p><blockquote class="twitter-tweet"><p>${LONG}</p><time datetime="2020-05-05">May 5</time></blockquote><p>${LONG}</p>
        <div class="comments"><span class="date">12.03.2026</span><p>Great article!</p></div>`,
      outside: `<div class="related"><span class="date">11.03.2026</span><a href="/x">Other story</a></div>`,
    });
    expect(read(html).publishedAt).toBeNull();
  });

  it("prefers the dateline the article shows over a structured date nothing on the page confirms", () => {
    const head = `<meta property="article:published_time" content="2021-12-20T11:02:44+01:00">`;
    expect(read(page({ head, after: `<span class="date">27.01.2022</span>` })).publishedAt).toBe(
      day("2022-01-27"),
    );
    const agreeing = `<meta property="article:published_time" content="2022-01-27T11:02:44+01:00">`;
    expect(read(page({ head: agreeing, after: `<span class="date">27.01.2022</span>` })).publishedAt).toBe(
      "2022-01-27T11:02:44.000+01:00",
    );
  });

  it("rejects dates in the future and before the web", () => {
    expect(read(page({ head: `<meta name="date" content="2099-01-01">` })).publishedAt).toBeNull();
    expect(read(page({ head: `<meta name="date" content="1989-11-09">` })).publishedAt).toBeNull();
  });

  it("writes a UTC date with the publisher's offset when another source gives it", () => {
    const head = `<meta property="article:published_time" content="2023-11-09T02:11:03Z">`;
    const before = `<time datetime="2023-11-08T21:11:03-05:00">Nov 8</time>`;
    expect(read(page({ head, before })).publishedAt).toBe("2023-11-08T21:11:03.000-05:00");
  });
});

describe("genre, language and title", () => {
  it("reads the genre from the schema.org type, the URL and a title kicker", () => {
    const opinion = ld({ "@type": "OpinionNewsArticle", headline: "Harbour Plan Approved" });
    expect(read(page({ head: opinion })).genre).toBe("opinion");
    const canonical = `<link rel="canonical" href="https://coast.example/analysis/harbour-plan">`;
    expect(read(page({ head: canonical })).genre).toBe("analysis");
    const kicker = `<meta property="og:title" content="Analysis: Harbour Plan Approved">`;
    expect(read(page({ head: kicker })).genre).toBe("analysis");
    expect(read(page()).genre).toBe("news");
  });

  it("reads the declared language, detects it when undeclared, and distrusts a template's lang", () => {
    expect(read(page({ lang: "en-GB" })).language).toBe("en");
    const german = `<p>${GERMAN}</p><p>${GERMAN}</p><p>${GERMAN}</p>`;
    expect(read(page({ lang: "", body: german })).language).toBe("de");
    expect(read(page({ lang: "en", body: german })).language).toBe("de");
  });

  it("strips the site's name from <title> when nothing better names the article", () => {
    expect(read(page()).title).toBe("Harbour Plan Approved");
  });
});

describe("hostile pages", () => {
  // The bounds are far above the real cost (well under a second) and far below what a quadratic scan takes.
  it("reads a page of 5 MB of dates in bounded time, and takes no dateline from a wall of them", () => {
    const started = performance.now();
    const result = read(page({ after: `<p>${"12.03.2021 ".repeat(450_000)}</p>` }));
    expect(result.publishedAt).toBeNull();
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it("reads a page with 20,000 <time> and date-named elements in bounded time", () => {
    const started = performance.now();
    const times = '<span class="date"><time datetime="2021-03-12">12 March</time></span>'.repeat(20_000);
    expect(read(page({ outside: `<div>${times}</div>` })).title).toBe("Harbour Plan Approved");
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
