// Rendered here rather than beside the components: react-dom is a dependency of the web app, not of @parallax/ui.
import { SEARCH_MAX_LENGTH, SiteHeader } from "@parallax/ui";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

describe("SiteHeader", () => {
  const html = renderToStaticMarkup(
    <SiteHeader currentPath="/articles/0b8c5c4e-7f55-4b5e-9f0a-1d2e3f4a5b6c" />,
  );

  it("starts with a skip link to the main landmark", () => {
    expect(html.startsWith('<a class="skip-link" href="#main">Skip to content</a>')).toBe(true);
  });

  it("lists the nine sections and marks the current one with aria-current, not colour alone", () => {
    const links = [...html.matchAll(/<li><a href="([^"]+)"( aria-current="page")?>([^<]+)<\/a><\/li>/g)];
    expect(links.map((m) => m[3])).toEqual([
      "Stories",
      "Articles",
      "Search",
      "Sources",
      "Submit",
      "Feeds",
      "Alerts",
      "Jobs",
      "Admin",
    ]);
    expect(links.filter((m) => m[2]).map((m) => m[3])).toEqual(["Articles"]);
  });

  it("has a labelled search box that sends GET /search?q= and refuses an empty or huge query", () => {
    expect(html).toContain(
      '<search class="site-search" aria-label="Site"><form action="/search" method="get">',
    );
    expect(html).toMatch(
      /<label for="site-search-q" class="visually-hidden">Search articles and stories<\/label>/,
    );
    const input = html.match(/<input id="site-search-q"[^>]*>/)?.[0] ?? "";
    expect(input).toContain('type="search"');
    expect(input).toContain('name="q"');
    expect(input).toContain('required=""');
    expect(input).toContain(`maxLength="${SEARCH_MAX_LENGTH}"`);
  });
});
