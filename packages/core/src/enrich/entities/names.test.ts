import { describe, expect, it } from "vitest";
import { CAIXIN_SEED, NIPPON_SEED, seedParagraphs } from "./__fixtures__/seeds";
import { abbreviates } from "./acronyms";
import { extractEntities, mergeCorpusEntities, personSlug, resolveName } from "./index";

describe("personSlug", () => {
  it("gives a Japanese name one slug in either order, macrons or not", () => {
    expect(personSlug("Takaichi Sanae")).toBe(personSlug("Sanae Takaichi"));
    expect(personSlug("Abe Shinzō")).toBe(personSlug("Shinzo Abe"));
    expect(personSlug("Abe Shinzō")).toBe("abe-shinzo");
  });

  it("puts known Chinese and Korean family names first", () => {
    expect(personSlug("Yongtao Gui")).toBe("gui-yongtao");
    expect(personSlug("Jae-myung Lee")).toBe("lee-jae-myung");
    expect(personSlug("Kim Jong Un")).toBe(personSlug("Kim Jong-un"));
  });

  it("keeps Western names in order, without middle initials, but with Jr.", () => {
    expect(personSlug("Robert S. Mueller III")).toBe("robert-mueller");
    expect(personSlug("Donald J. Trump")).toBe("donald-trump");
    expect(personSlug("Donald Trump Jr.")).toBe("donald-trump-jr");
    expect(personSlug("Mark Carney")).toBe("mark-carney");
  });
});

describe("abbreviates", () => {
  it("matches acronyms to their expansions", () => {
    expect(abbreviates("LDP", "Liberal Democratic Party")).toBe(true);
    expect(abbreviates("ASEAN", "Association of Southeast Asian Nations")).toBe(true);
    expect(
      abbreviates("CPTPP", "Comprehensive and Progressive Agreement for Trans-Pacific Partnership"),
    ).toBe(true);
  });

  it("rejects chance matches", () => {
    expect(abbreviates("LDP", "Labour Party")).toBe(false);
    expect(abbreviates("NO", "New York Times")).toBe(false);
    expect(abbreviates("CIA", "China")).toBe(false);
  });
});

describe("resolveName", () => {
  const caixin = extractEntities(seedParagraphs(CAIXIN_SEED)).entities;

  it("resolves a quote's speaker as written", () => {
    expect(resolveName(caixin, "Gui Yongtao, deputy dean of the School of International Relations")).toBe(
      "gui-yongtao",
    );
    expect(resolveName(caixin, "Prime Minister Takaichi")).toBe("sanae-takaichi");
    expect(resolveName(caixin, "Takaichi Sanae")).toBe("sanae-takaichi");
    expect(resolveName(caixin, "President Donald Trump")).toBe("donald-trump");
    expect(resolveName(caixin, "Mr. Trump")).toBe("donald-trump");
    expect(resolveName(caixin, "the U.S.")).toBe("united-states");
  });

  it("returns null for descriptions and unknown names", () => {
    expect(resolveName(caixin, "the prime minister")).toBeNull();
    expect(resolveName(caixin, "officials")).toBeNull();
    expect(resolveName(caixin, "Angela Merkel")).toBeNull();
    expect(resolveName([], "Takaichi")).toBeNull();
  });
});

describe("mergeCorpusEntities", () => {
  it("merges one entity across articles and folds short forms into the full name", () => {
    const a = extractEntities(seedParagraphs(NIPPON_SEED)).entities;
    const b = extractEntities(seedParagraphs(CAIXIN_SEED)).entities;
    const c = extractEntities([
      { n: 1, kind: "paragraph", text: "Takaichi told the LDP caucus to hold firm." },
    ]).entities;
    const { entities, renamed } = mergeCorpusEntities([a, b, c]);
    const takaichi = entities.find((e) => e.slug === "sanae-takaichi");
    expect(takaichi?.articles).toBe(3);
    expect(takaichi?.aliases.map((x) => x.text)).toEqual(
      expect.arrayContaining(["Takaichi Sanae", "Sanae Takaichi", "Takaichi"]),
    );
    expect(renamed[2]?.get("takaichi")).toBe("sanae-takaichi");
    expect(entities.filter((e) => e.slug === "liberal-democratic-party")).toHaveLength(1);
    expect(new Set(entities.map((e) => e.slug)).size).toBe(entities.length);
  });
});
