import { describe, expect, it } from "vitest";
import { comparableUrl, domainOf } from "./canonical";

describe("comparableUrl", () => {
  it("drops fragments and tracking parameters and lower-cases the host", () => {
    expect(comparableUrl("https://WWW.Example.com:443/a/b?utm_source=x&id=3&fbclid=y#top")).toBe(
      "https://www.example.com/a/b?id=3",
    );
  });
  it("sorts the parameters that identify the page so their order does not matter", () => {
    expect(comparableUrl("http://example.com/?b=2&a=1")).toBe(comparableUrl("http://example.com/?a=1&b=2"));
  });
  it("refuses what is not an absolute http(s) URL", () => {
    expect(comparableUrl("javascript:alert(1)")).toBeNull();
    expect(comparableUrl("not a url")).toBeNull();
    expect(comparableUrl("ftp://example.com/file")).toBeNull();
  });
});

describe("domainOf", () => {
  it("strips www and mobile prefixes", () => {
    expect(domainOf("https://www.nippon.com/en/in-depth/d01200/")).toBe("nippon.com");
    expect(domainOf("https://m.caixinglobal.com/2026-03-01/x.html")).toBe("caixinglobal.com");
  });
});
