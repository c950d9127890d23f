import { describe, expect, it } from "vitest";
import { compareExportHref, compareHref, parseCompareParams, parseLabels } from "./compare-params";

const A = "6f1c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f";
const B = "0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";

describe("parseCompareParams", () => {
  it("reads ids given comma-separated, repeated by checkboxes, or both, once each", () => {
    expect(parseCompareParams({ ids: `${A},${B}`, by: "outlet" })).toEqual({
      kind: "articles",
      articleIds: [A, B],
      by: "outlet",
      labels: null,
    });
    expect(parseCompareParams({ ids: [A, B, `${A.toUpperCase()}, `, ""] })).toMatchObject({
      articleIds: [A, B],
      by: "article",
    });
  });

  it("prefers a story over ids and groups a story by outlet unless told otherwise", () => {
    expect(parseCompareParams({ story: A, ids: B })).toEqual({
      kind: "story",
      storyId: A,
      by: "outlet",
      labels: null,
    });
    expect(parseCompareParams({ story: A, by: "country" })).toMatchObject({ by: "country" });
    expect(parseCompareParams({ story: A, by: "nonsense" })).toMatchObject({ by: "outlet" });
  });

  it("names what is not an id instead of comparing", () => {
    expect(parseCompareParams({ ids: `${A},abc` })).toEqual({
      kind: "invalid",
      message: "“abc” is not an article id (a UUID)",
    });
    expect(parseCompareParams({ story: "12" })).toMatchObject({ kind: "invalid" });
    expect(parseCompareParams({})).toEqual({ kind: "none" });
    expect(parseCompareParams({ ids: " , " })).toEqual({ kind: "none" });
  });

  it("reads labels one per line and refuses a line without a label", () => {
    expect(parseLabels("nippon.com = Japan\n\nCaixin Global=China\r\n")).toEqual({
      "nippon.com": "Japan",
      "Caixin Global": "China",
    });
    expect(parseLabels("  ")).toBeNull();
    expect(parseLabels("nippon.com = Japan\nCaixin")).toMatch(/line 2/);
    expect(parseCompareParams({ ids: `${A},${B}`, labels: "x = Y" })).toMatchObject({ labels: { x: "Y" } });
  });

  it("links the same request grouped another way", () => {
    const request = parseCompareParams({ ids: `${A},${B}` });
    expect(compareHref(request, "outlet")).toBe(`/compare?ids=${A},${B}&by=outlet`);
    expect(compareHref(parseCompareParams({ story: A }))).toBe(`/compare?story=${A}&by=outlet`);
  });
});

describe("compareExportHref", () => {
  it("gives the export the page's own parameters, and nothing without a comparison", () => {
    const articles = parseCompareParams({ ids: `${A},${B}`, by: "outlet" });
    expect(compareExportHref(articles, "md")).toBe(`/compare/export.md?ids=${A}%2C${B}&by=outlet`);
    const story = parseCompareParams({ story: A, labels: "nippon.com = Japan\nCaixin = China" });
    const href = compareExportHref(story, "json")!;
    expect(href.startsWith("/compare/export.json?")).toBe(true);
    expect(parseCompareParams(Object.fromEntries(new URLSearchParams(href.split("?")[1])))).toEqual(story);
    expect(compareExportHref(parseCompareParams({}), "md")).toBeNull();
  });
});
