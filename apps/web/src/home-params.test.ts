import { describe, expect, it } from "vitest";
import { homeHref, parseHomeParams } from "./home-params";

describe("parseHomeParams", () => {
  it("reads the filters and a cursor", () => {
    const cursor = "2026-03-05T00:00:00.123456Z~7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";
    const parsed = parseHomeParams({
      from: "2026-03-01",
      to: "2026-03-05",
      outlet: "caixinglobal.com",
      country: ["JP", "CN"],
      language: "zh-Hans",
      entity: " takaichi-sanae ",
      after: cursor,
    });
    expect(parsed).toEqual({
      filters: {
        from: "2026-03-01",
        to: "2026-03-05",
        outlet: "caixinglobal.com",
        country: "JP",
        language: "zh-Hans",
        entity: "takaichi-sanae",
      },
      ignored: [],
      cursor,
    });
    const href = homeHref(parsed.filters, cursor);
    expect(href).toMatch(
      /^\/\?from=2026-03-01&to=2026-03-05&outlet=caixinglobal\.com&country=JP&language=zh-Hans&entity=takaichi-sanae&after=/,
    );
    expect(parseHomeParams(Object.fromEntries(new URLSearchParams(href.slice(2))))).toEqual(parsed);
  });

  it("drops what cannot be a filter and says so; a foreign cursor means the first page", () => {
    const parsed = parseHomeParams({
      from: "yesterday",
      language: "<script>",
      entity: "x".repeat(201),
      after: "42",
    });
    expect(parsed.filters).toEqual({ from: "", to: "", outlet: "", country: "", language: "", entity: "" });
    expect(parsed.ignored).toHaveLength(3);
    expect(parsed.ignored[0]).toMatch(/^from: not a date/);
    expect(parsed.cursor).toBeNull();
    expect(parseHomeParams({ from: "2026-03-05", to: "2026-03-01" }).ignored).toEqual(["from: after to"]);
    expect(homeHref(parseHomeParams({}).filters)).toBe("/");
  });
});
