import { describe, expect, it } from "vitest";
import {
  countryFromDomain,
  countryName,
  genreWithOutletSections,
  inOpinionSection,
  isCountryCode,
} from "./index";

describe("countryFromDomain", () => {
  it("reads the country of a country-code TLD", () => {
    expect(countryFromDomain("nhk.or.jp")).toBe("JP");
    expect(countryFromDomain("caixinglobal.cn")).toBe("CN");
    expect(countryFromDomain("bbc.co.uk")).toBe("GB");
    expect(countryFromDomain("theguardian.uk")).toBe("GB");
    expect(countryFromDomain("SPIEGEL.DE.")).toBe("DE");
  });

  it("says nothing for generic TLDs, generic-use ccTLDs and junk", () => {
    for (const domain of [
      "nytimes.com",
      "npr.org",
      "example.net",
      "foo.news",
      "axios.io",
      "t.co",
      "cnn.tv",
    ]) {
      expect(countryFromDomain(domain)).toBeNull();
    }
    for (const junk of [null, "", "jp", "127.0.0.1", "a b.jp", "x".repeat(300), "ex.eu", "ex.zz"]) {
      expect(countryFromDomain(junk)).toBeNull();
    }
  });
});

describe("isCountryCode", () => {
  it("accepts assigned ISO 3166-1 alpha-2 codes only", () => {
    expect(isCountryCode("JP")).toBe(true);
    expect(isCountryCode("XK")).toBe(true);
    for (const code of ["jp", "UK", "EU", "XX", "ZZ", "QZ", "JPN", ""])
      expect(isCountryCode(code)).toBe(false);
    expect(countryName("GB")).toBe("United Kingdom");
  });
});

describe("inOpinionSection", () => {
  const sections = ["/opinion/", "/commentisfree", "Commentary"];

  it("matches a URL path prefix", () => {
    expect(inOpinionSection({ section: null, url: "https://x.jp/opinion/2026/a" }, sections)).toBe(true);
    expect(inOpinionSection({ section: null, url: "https://x.jp/commentisfree/a" }, sections)).toBe(true);
    expect(inOpinionSection({ section: null, url: "https://x.jp/commentisfreedom/a" }, sections)).toBe(false);
    expect(inOpinionSection({ section: null, url: "https://x.jp/news/opinion/a" }, sections)).toBe(false);
  });

  it("matches a section name regardless of case and spacing", () => {
    expect(inOpinionSection({ section: "  commentary ", url: null }, sections)).toBe(true);
    expect(inOpinionSection({ section: "Business", url: "not a url" }, sections)).toBe(false);
    expect(inOpinionSection({ section: "Commentary", url: null }, [])).toBe(false);
  });

  it("overrides the genre only for articles in an opinion section", () => {
    expect(genreWithOutletSections("news", { section: "Commentary", url: null }, sections)).toBe("opinion");
    expect(genreWithOutletSections("analysis", { section: "World", url: null }, sections)).toBe("analysis");
    expect(genreWithOutletSections(null, { section: null, url: null }, sections)).toBeNull();
  });
});
