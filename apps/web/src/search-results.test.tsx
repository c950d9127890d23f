import type { SearchResult } from "@parallax/core";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchFacets, SearchResults } from "@parallax/ui";

const result: SearchResult = {
  query: "Takaichi",
  total: 41,
  page: 2,
  pageSize: 20,
  pageCount: 3,
  tookMs: 3.456,
  hits: [
    {
      articleId: "0b4f3a5e-8d4c-4a36-9a51-3f9f0e0c2f11",
      title: [
        { text: "PM ", mark: false },
        { text: "Takaichi", mark: true },
      ],
      url: "https://example.com/a",
      sourceName: "The Japan Times",
      domain: "japantimes.co.jp",
      country: "JP",
      language: "ja",
      publishedAt: "2025-10-04T09:00:00.000Z",
      score: 0.6,
      snippets: [
        {
          n: 4,
          parts: [
            { text: "<script>alert(1)</script> ", mark: false },
            { text: "Takaichi", mark: true },
          ],
        },
      ],
    },
  ],
  entities: [{ slug: "sanae-takaichi", name: "Sanae Takaichi", type: "person", articleCount: 7 }],
  facets: {
    outlets: [{ value: "s1", label: "The Japan Times", count: 30 }],
    countries: [{ value: "JP", label: "JP", count: 41 }],
    languages: [{ value: "ja", label: "ja", count: 12 }],
    stories: [],
  },
};

describe("SearchResults", () => {
  const html = renderToStaticMarkup(
    <SearchResults result={result} pageHref={(p) => `/search?q=T&page=${p}`} />,
  );

  it("marks matches and escapes everything else", () => {
    expect(html).toContain("<mark>Takaichi</mark>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
  });

  it("links snippets to their paragraph and entities to their page", () => {
    expect(html).toContain('href="/articles/0b4f3a5e-8d4c-4a36-9a51-3f9f0e0c2f11#p-4"');
    expect(html).toContain('href="/entities/sanae-takaichi"');
  });

  it("numbers hits across pages and links both neighbouring pages", () => {
    expect(html).toContain('<ol class="search-hits" start="21">');
    expect(html).toContain('href="/search?q=T&amp;page=1"');
    expect(html).toContain('href="/search?q=T&amp;page=3"');
    expect(html).toContain("41 articles match “Takaichi”, page 2 of 3.");
    expect(html).toContain("Japan");
  });
});

describe("SearchFacets", () => {
  it("says in words which filter is on and how to remove it", () => {
    const html = renderToStaticMarkup(
      <SearchFacets
        facets={result.facets}
        active={{ country: "JP" }}
        filterHref={(key, value) => `/search?${key}=${value ?? ""}`}
      />,
    );
    expect(html).toContain('href="/search?country="');
    expect(html).toContain('Remove<span class="visually-hidden"> filter Japan</span>');
    expect(html).toContain('href="/search?language=ja"');
    expect(html).toContain("Japanese");
    expect(html).not.toContain("Story");
  });
});
