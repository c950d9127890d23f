import { describe, expect, it } from "vitest";
import { parseCompareParams } from "./compare-params";
import { requestOrigin, safeFilename, searchParamsRecord } from "./export-params";
import { zEntityFeedFile } from "./feeds";

describe("export parameters", () => {
  it("reads repeated and single parameters as the /compare page gets them", () => {
    const params = new URLSearchParams("ids=a&ids=b&by=outlet&labels=x%20%3D%20y");
    expect(searchParamsRecord(params)).toEqual({ ids: ["a", "b"], by: "outlet", labels: "x = y" });
    expect(searchParamsRecord(new URLSearchParams(""))).toEqual({});
  });

  it("gives the export the same reading of a hand-edited URL as the page", () => {
    const bad = searchParamsRecord(new URLSearchParams("ids=not-a-uuid,also-bad"));
    expect(parseCompareParams(bad)).toEqual({
      kind: "invalid",
      message: "“not-a-uuid” is not an article id (a UUID)",
    });
  });

  it("keeps file names to characters safe in a header", () => {
    expect(safeFilename('brief"ing\r\nX-Evil: 1.md')).toBe("brief-ing-X-Evil-1.md");
    expect(safeFilename("")).toBe("export");
    expect(safeFilename("a".repeat(500))).toHaveLength(120);
  });
});

describe("entity feed file names", () => {
  it("reads <slug>.atom and <slug>.json", () => {
    expect(zEntityFeedFile.parse("shigeru-ishiba.atom")).toEqual({ slug: "shigeru-ishiba", format: "atom" });
    expect(zEntityFeedFile.parse("g7.json")).toEqual({ slug: "g7", format: "json" });
  });

  it("refuses anything else", () => {
    for (const file of [
      "shigeru-ishiba",
      "x.rss",
      "X.atom",
      ".atom",
      "a--b.atom",
      "../x.atom",
      "a.atom.json",
      `${"a".repeat(201)}.atom`,
    ])
      expect(zEntityFeedFile.safeParse(file).success, file).toBe(false);
  });
});

describe("requestOrigin", () => {
  const request = (headers: Record<string, string>) =>
    new Request("http://localhost:3000/feeds/stories.atom", { headers });

  it("takes the host the reader used and the scheme a proxy reports", () => {
    expect(requestOrigin(request({ host: "news.example:8443", "x-forwarded-proto": "https" }))).toBe(
      "https://news.example:8443",
    );
    expect(requestOrigin(request({ host: "127.0.0.1:3247" }))).toBe("http://127.0.0.1:3247");
    expect(requestOrigin(request({ host: "[::1]:3000" }))).toBe("http://[::1]:3000");
  });

  it("falls back to the request URL for a hostile or missing Host, and ignores odd schemes", () => {
    expect(requestOrigin(request({ host: 'evil.example/"><script>' }))).toBe("http://localhost:3000");
    expect(requestOrigin(request({ host: "a b" }))).toBe("http://localhost:3000");
    expect(requestOrigin(request({ host: "news.example", "x-forwarded-proto": "javascript" }))).toBe(
      "http://news.example",
    );
  });
});
