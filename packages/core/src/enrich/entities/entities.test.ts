import { describe, expect, it } from "vitest";
import { zEntity, zMention } from "../../schemas/enrichment";
import { CAIXIN_SEED, NIPPON_SEED, paragraphs, seedParagraphs } from "./__fixtures__/seeds";
import { extractEntities } from "./index";

const nippon = extractEntities(seedParagraphs(NIPPON_SEED));
const caixin = extractEntities(seedParagraphs(CAIXIN_SEED));
const entity = (result: typeof nippon, slug: string) => result.entities.find((e) => e.slug === slug);
const slugOf = (result: typeof nippon, alias: string) =>
  result.entities.find((e) => e.aliases.some((a) => a.text === alias))?.slug;

describe("extractEntities on the seeds", () => {
  it("gives Takaichi one slug in either name order, across both articles", () => {
    expect(slugOf(nippon, "Takaichi Sanae")).toBe("sanae-takaichi");
    expect(slugOf(caixin, "Sanae Takaichi")).toBe("sanae-takaichi");
    expect(entity(nippon, "sanae-takaichi")?.type).toBe("person");
    expect(entity(nippon, "sanae-takaichi")?.aliases.map((a) => a.text)).toContain("Takaichi");
  });

  it("resolves LDP and Liberal Democratic Party to one organisation", () => {
    const ldp = entity(nippon, "liberal-democratic-party");
    expect(ldp?.type).toBe("organization");
    expect(ldp?.aliases.map((a) => a.text).sort()).toEqual(["LDP", "Liberal Democratic Party"]);
    expect(nippon.mentions.filter((m) => m.text === "LDP").every((m) => m.form === "acronym")).toBe(true);
  });

  it("links Ishin in the LDP-Ishin coalition to Nippon Ishin no Kai", () => {
    const ishin = entity(nippon, "nippon-ishin-no-kai");
    expect(ishin?.type).toBe("organization");
    expect(ishin?.aliases.map((a) => a.text)).toContain("Ishin");
  });

  it("counts U.S., United States and US as one country", () => {
    const us = entity(caixin, "united-states");
    expect(us?.placeKind).toBe("country");
    expect(us?.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(["U.S.", "United States"]));
    expect(entity(nippon, "united-states")?.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(["US", "United States", "America"]),
    );
  });

  it("describes Gui Yongtao by his appositive", () => {
    const gui = entity(caixin, "gui-yongtao");
    expect(gui?.type).toBe("person");
    expect(gui?.description?.text).toBe(
      "deputy dean of the School of International Relations at Peking University",
    );
    const p = seedParagraphs(CAIXIN_SEED).find((x) => x.n === gui?.description?.paragraph);
    expect(p?.text.slice(gui!.description!.start, gui!.description!.end)).toBe(gui?.description?.text);
  });

  it("describes a person by the title before the name", () => {
    expect(entity(caixin, "akazawa-ryosei")?.description?.text).toBe("Economy Minister");
    expect(entity(nippon, "mark-carney")?.description?.text).toBe("Canadian Prime Minister");
  });

  it("keeps Washington a city that stands for the United States", () => {
    const washington = entity(caixin, "washington");
    expect(washington).toMatchObject({ type: "place", placeKind: "city", standsFor: "united-states" });
    expect(entity(nippon, "beijing")?.standsFor).toBe("china");
  });

  it("counts Japanese toward Japan as a demonym", () => {
    const japanese = caixin.mentions.filter((m) => m.text === "Japanese");
    expect(japanese.length).toBeGreaterThan(0);
    expect(japanese.every((m) => m.entity === "japan" && m.form === "demonym")).toBe(true);
  });

  it("recognises the CPTPP and the IEEPA as laws", () => {
    expect(
      entity(nippon, "comprehensive-and-progressive-agreement-for-trans-pacific-partnership")?.type,
    ).toBe("law");
    expect(entity(nippon, "international-emergency-economic-powers-act")?.type).toBe("law");
  });

  it("finds the places of the banner credit", () => {
    expect(entity(nippon, "yokosuka")).toMatchObject({ type: "place", placeKind: "city" });
    expect(entity(nippon, "kanagawa-prefecture")).toMatchObject({ type: "place", placeKind: "region" });
    expect(entity(nippon, "shenzhen")?.placeKind).toBe("city");
    expect(entity(nippon, "indo-pacific")?.placeKind).toBe("region");
  });

  it("makes no entities of capitalized common words, headings, months or shouted labels", () => {
    const names = [...nippon.entities, ...caixin.entities].map((e) => e.name.toLowerCase());
    for (const junk of [
      "security",
      "alarm",
      "where",
      "march",
      "february",
      "digest hub",
      "podcast",
      "navigates",
    ]) {
      expect(names).not.toContain(junk);
    }
    expect(names.some((n) => n.includes("balancing"))).toBe(false);
  });

  it("produces output that satisfies the schema, with spans that point at the text", () => {
    const all = seedParagraphs(NIPPON_SEED);
    for (const e of nippon.entities) expect(() => zEntity.parse(e)).not.toThrow();
    for (const m of nippon.mentions) {
      expect(() => zMention.parse(m)).not.toThrow();
      expect(all.find((p) => p.n === m.paragraph)?.text.slice(m.start, m.end)).toBe(m.text);
      expect(nippon.entities.some((e) => e.slug === m.entity)).toBe(true);
    }
    const slugs = nippon.entities.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});

describe("extractEntities on hard and bad input", () => {
  // Found by enrich.fuzz.test.ts: every mention of a name re-split every earlier mention of it (quadratic).
  it("resolves a name repeated thousands of times quickly", () => {
    const started = performance.now();
    const result = extractEntities(
      paragraphs("Prime Minister Sarah Sanders spoke on Tuesday. ".repeat(3_000)),
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.mentions.length).toBeGreaterThan(0);
  });

  it("returns nothing for text without names", () => {
    expect(extractEntities(paragraphs("it was a quiet day and nothing happened at all."))).toEqual({
      entities: [],
      mentions: [],
    });
    expect(extractEntities([])).toEqual({ entities: [], mentions: [] });
  });

  it("copes with non-Latin text", () => {
    const result = extractEntities(
      paragraphs("高市早苗首相は3月に訪米する。", "이재명 대통령이 일본을 방문했다."),
    );
    expect(result.entities).toEqual([]);
  });

  it("stays fast on thousands of capitalized words", () => {
    const words = Array.from({ length: 5000 }, (_, i) => `Word${String.fromCharCode(65 + (i % 26))}x${i}`);
    const started = performance.now();
    const acronyms = words.map((w, i) => `${w.toUpperCase().slice(0, 4)}${i} Group`);
    const result = extractEntities(
      paragraphs(
        words.join(" "),
        `${words.join(" and ")}.`,
        words.map((w) => `Mr. ${w} said.`).join(" "),
        `${acronyms.join(", ")}, ${acronyms.map((a) => a.split(" ")[0]).join(" ")}.`,
      ),
    );
    expect(performance.now() - started).toBeLessThan(8000);
    expect(Array.isArray(result.entities)).toBe(true);
  });

  it("names Korean and Chinese leaders family name first", () => {
    const result = extractEntities(
      paragraphs(
        "President Lee Jae-myung met Chinese President Xi Jinping in Seoul. Lee said the talks went well.",
      ),
    );
    expect(entity(result, "lee-jae-myung")?.mentions).toBe(2);
    expect(entity(result, "xi-jinping")?.description?.text).toBe("Chinese President");
  });

  it("tells people with a shared family name apart and links Mr. Kim to the one named", () => {
    const result = extractEntities(
      paragraphs("North Korean leader Kim Jong-un met Moon Jae-in. Mr. Kim later said he would return."),
    );
    expect(entity(result, "kim-jong-un")?.mentions).toBe(2);
    expect(entity(result, "moon-jae-in")?.type).toBe("person");
    expect(entity(result, "north-korea")?.mentions).toBe(1);
  });

  it("keeps a month a month unless the article names a person so", () => {
    const may = extractEntities(
      paragraphs("Prime Minister Theresa May met Trump in May. May said the talks were useful."),
    );
    expect(entity(may, "theresa-may")?.mentions).toBe(2);
    const month = extractEntities(paragraphs("The vote is due in May. May is a busy month for the Diet."));
    expect(month.entities.map((e) => e.slug)).toEqual(["diet"]);
  });

  it("recognises only known names and titled persons in other languages", () => {
    const result = extractEntities(
      paragraphs(
        "Die Bundesregierung in Berlin sprach mit Frankreich. Der Präsident Emmanuel Macron reiste nach Japan.",
      ),
      { language: "de" },
    );
    expect(result.entities.map((e) => e.slug).sort()).toEqual(["berlin", "japan"]);
  });
});
