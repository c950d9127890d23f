import { describe, expect, it } from "vitest";
import { parseSearchRequest, searchHref } from "./search-params";

describe("parseSearchRequest", () => {
  it("reads the query, page and filters", () => {
    expect(
      parseSearchRequest({
        q: " Takaichi ",
        page: "3",
        country: "jp",
        language: "ja",
        from: "2025-10-01",
        to: "2025-10-31",
        storyId: "0b4f3a5e-8d4c-4a36-9a51-3f9f0e0c2f11",
      }),
    ).toEqual({
      q: "Takaichi",
      page: 3,
      filters: {
        country: "JP",
        language: "ja",
        from: "2025-10-01",
        to: "2025-10-31",
        storyId: "0b4f3a5e-8d4c-4a36-9a51-3f9f0e0c2f11",
      },
    });
  });

  it("drops hand-edited bad values instead of failing", () => {
    expect(
      parseSearchRequest({
        q: ["a", "b"],
        page: "-4",
        country: "Japan",
        sourceId: "1; drop table",
        from: "2025-13-45",
        language: "<script>",
      }),
    ).toEqual({ q: "a", page: 1, filters: {} });
    expect(parseSearchRequest({ page: "99999999999" }).page).toBe(1);
    expect(parseSearchRequest({ q: "x".repeat(10_000) }).q.length).toBe(1024);
  });

  it("turns a backwards date range round", () => {
    expect(parseSearchRequest({ q: "a", from: "2025-12-01", to: "2025-01-01" }).filters).toEqual({
      from: "2025-01-01",
      to: "2025-12-01",
    });
  });
});

describe("searchHref", () => {
  const request = parseSearchRequest({ q: "steel & tariffs", page: "2", country: "JP" });
  it("keeps query and filters and changes the page", () => {
    expect(searchHref(request, { page: 3 })).toBe("/search?q=steel+%26+tariffs&country=JP&page=3");
  });
  it("goes back to page 1 when a filter changes", () => {
    expect(searchHref(request, { filter: { key: "country", value: null } })).toBe(
      "/search?q=steel+%26+tariffs",
    );
    expect(searchHref(request, { filter: { key: "language", value: "en" } })).toBe(
      "/search?q=steel+%26+tariffs&country=JP&language=en",
    );
  });
});
