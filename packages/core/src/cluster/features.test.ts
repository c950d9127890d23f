import { describe, expect, it } from "vitest";
import { extractFeatures } from "./features";
import { DEFAULT_CLUSTER_OPTIONS } from "./options";
import { porterStep1 } from "./stem";

const terms = (title: string, text = "", extra = {}) =>
  extractFeatures({ id: "x", title, text, publishedAt: null, ...extra }, DEFAULT_CLUSTER_OPTIONS).counts;
const kind = (counts: Map<string, number>, prefix: string) =>
  [...counts.keys()].filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));

describe("extractFeatures", () => {
  it("segments Japanese text into words and drops lone kana particles", () => {
    const words = kind(terms("高市首相、ホワイトハウスでトランプ大統領と会談"), "w:");
    expect(words).toEqual(expect.arrayContaining(["首相", "ホワイトハウス", "トランプ", "大統領", "会談"]));
    expect(words).not.toContain("と");
  });

  it("takes capitalized phrases as entities in ordinary sentences, without honorifics or weekdays", () => {
    const entities = kind(
      terms(
        "Pompeo met Kim",
        "On Tuesday Mr. Trump said the C.I.A. director Mike Pompeo met Kim Jong-un in North Korea.",
      ),
      "e:",
    );
    expect(entities).toEqual(
      expect.arrayContaining(["trump", "cia", "mike-pompeo", "kim-jong-un", "north-korea"]),
    );
    expect(entities).not.toContain("tuesday");
    expect(entities).not.toContain("mr-trump");
  });

  it("takes only uncommon words as names from a Title Case headline", () => {
    const entities = kind(terms("Pizza-Maker Sbarro Files For Bankruptcy Protection Again"), "e:");
    expect(entities).toContain("sbarro");
    expect(entities).not.toContain("bankruptcy");
    expect(entities).not.toContain("files");
  });

  it("uses enrichment's entities, figures and dates instead of guessing when given", () => {
    const counts = terms("Takaichi visits Washington", "Takaichi met Trump.", {
      entities: ["takaichi-sanae", "takaichi-sanae", "donald-trump"],
      figures: ["USD:550e9"],
      dates: ["2026-03-19"],
    });
    expect(counts.get("e:takaichi-sanae")).toBe(2);
    expect(kind(counts, "e:")).toEqual(["takaichi-sanae", "donald-trump"]);
    expect(counts.has("f:USD:550e9")).toBe(true);
    expect(counts.has("d:2026-03-19")).toBe(true);
  });

  it("counts title words again as their own field and pairs neighbouring content words", () => {
    const counts = terms("Tariffs on steel delayed", "The tariffs were delayed.");
    expect(counts.get("t:tariff")).toBe(1);
    expect(counts.has("b:tariff steel")).toBe(false);
    expect(counts.has(`b:steel ${porterStep1("delayed")}`)).toBe(true);
  });

  it("reads a missing or invalid date as undated", () => {
    const at = (publishedAt: string | null) =>
      extractFeatures({ id: "x", title: "a", text: "", publishedAt }, DEFAULT_CLUSTER_OPTIONS).publishedAt;
    expect(at(null)).toBeNull();
    expect(at("yesterday")).toBeNull();
    expect(at("2026-03-19T10:00:00Z")).toBe(Date.parse("2026-03-19T10:00:00Z"));
  });
});

describe("porterStep1", () => {
  it("merges inflections and leaves other words alone", () => {
    expect(["files", "filed", "filing"].map(porterStep1)).toEqual(["file", "file", "file"]);
    expect(["tariffs", "tapering", "hopping", "agreed"].map(porterStep1)).toEqual([
      "tariff",
      "taper",
      "hop",
      "agree",
    ]);
    expect(["bus", "news4", "glass"].map(porterStep1)).toEqual(["bus", "news4", "glass"]);
  });
});
