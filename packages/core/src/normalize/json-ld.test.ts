import { describe, expect, it } from "vitest";
import { emptyJsonLd, parseJsonLd, readJsonLd } from "./json-ld";

function read(...blocks: unknown[]) {
  const into = emptyJsonLd();
  for (const block of blocks) readJsonLd(block, into);
  return into;
}

describe("readJsonLd", () => {
  it("finds the article at the top level, in an array, in @graph and under mainEntity", () => {
    const article = { "@type": "NewsArticle", headline: "Rates Hold" };
    expect(read(article).article?.headline).toBe("Rates Hold");
    expect(read([{ "@type": "Organization", name: "Ledger" }, article]).article?.headline).toBe("Rates Hold");
    expect(read({ "@graph": [{ "@type": "WebSite" }, article] }).article?.headline).toBe("Rates Hold");
    expect(read({ "@type": "WebPage", mainEntity: article }).article?.headline).toBe("Rates Hold");
  });

  it("reads author strings, objects and arrays, people before organizations", () => {
    const authors = (author: unknown) => read({ "@type": "Article", author }).article?.authors;
    expect(authors("Jane Doe")).toEqual(["Jane Doe"]);
    expect(authors({ "@type": "Person", name: "Jane Doe" })).toEqual(["Jane Doe"]);
    expect(authors([{ name: "Jane Doe" }, { name: "John Roe" }])).toEqual(["Jane Doe", "John Roe"]);
    expect(
      authors([
        { "@type": "Organization", name: "Ledger" },
        { "@type": "Person", name: "Jane Doe" },
      ]),
    ).toEqual(["Jane Doe"]);
    expect(authors({ "@type": "NewsMediaOrganization", name: "Ledger" })).toEqual(["Ledger"]);
  });

  it("reads dates, section, keywords, image and language in their several shapes", () => {
    const { article } = read({
      "@type": ["BlogPosting"],
      datePublished: "2026-03-10T08:30:00+01:00",
      dateModified: "2026-03-11",
      articleSection: ["Politics", "Europe"],
      keywords: ["budget", "council"],
      image: [{ "@type": "ImageObject", url: "https://example.org/a.jpg" }],
      inLanguage: "de-DE",
      publisher: { "@type": "Organization", name: "Ledger" },
    });
    expect(article).toMatchObject({
      types: ["BlogPosting"],
      datePublished: "2026-03-10T08:30:00+01:00",
      dateModified: "2026-03-11",
      section: "Politics",
      keywords: ["budget", "council"],
      image: "https://example.org/a.jpg",
      language: "de-DE",
      publisher: "Ledger",
    });
    expect(read({ "@type": "Article", keywords: "a, b ,c", image: "/x.jpg" }).article).toMatchObject({
      keywords: ["a", "b", "c"],
      image: "/x.jpg",
    });
  });

  it("keeps the first article across blocks, and a web page's dates apart", () => {
    const result = read(
      { "@type": "WebPage", datePublished: "2026-01-01", dateModified: "2026-01-02" },
      {
        "@type": "BreadcrumbList",
        itemListElement: [
          { position: 2, name: "World" },
          { position: 1, name: "Home" },
        ],
      },
      { "@type": "NewsArticle", headline: "First" },
      { "@type": "NewsArticle", headline: "Second" },
    );
    expect(result.article?.headline).toBe("First");
    expect(result.breadcrumb).toEqual(["Home", "World"]);
    expect(result).toMatchObject({ pageDatePublished: "2026-01-01", pageDateModified: "2026-01-02" });
  });
});

describe("parseJsonLd", () => {
  it("tolerates raw line breaks in strings and HTML comment wrappers", () => {
    expect(parseJsonLd('{"headline": "Two\nlines"}')).toEqual({ headline: "Two lines" });
    expect(parseJsonLd('<!--{"a": 1}-->')).toEqual({ a: 1 });
    expect(parseJsonLd("not json")).toBeNull();
  });

  it("survives hostile nesting", () => {
    const deep = JSON.parse(`${'{"author":'.repeat(5_000)}1${"}".repeat(5_000)}`);
    expect(read(deep).article).toBeNull();
  });
});
