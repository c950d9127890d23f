import { describe, expect, it } from "vitest";
import { enrichArticle } from "../enrich/index";
import type { Paragraph } from "../schemas/paragraph";
import {
  claimContext,
  claimSimilarity,
  contentStems,
  extractClaims,
  groupClaims,
  similarPairs,
  storyEntityAliases,
} from "./index";

const paragraphs = (texts: string[]): Paragraph[] =>
  texts.map((text, i) => ({ n: i + 1, kind: "paragraph", text }));

function article(id: string, texts: string[], publishedAt = "2026-03-12T00:00:00Z") {
  const body = paragraphs(texts);
  const { enrichment } = enrichArticle({ paragraphs: body, language: "en", publishedAt });
  return { id, paragraphs: body, language: "en", enrichment };
}

const NIPPON = article("nippon", [
  "Prime Minister Takaichi Sanae's Liberal Democratic Party won 352 of the 465 seats in the House of Representatives.",
  "The combined opposition still controls the House of Councillors; in the lower house, the LDP-Ishin coalition has the two-thirds majority needed to override the upper house on legislation.",
  "When US President Donald Trump welcomes Prime Minister Takaichi to the White House on March 19, he will praise her.",
  "What will Prime Minister Takaichi do with that power?",
]);
const CAIXIN = article("caixin", [
  "Her electoral landslide gives her bargaining power, especially since her ruling coalition enjoys a two-thirds parliamentary majority.",
  "She announced plans to visit the U.S. and meet President Donald Trump at the White House on March 19.",
  "Japanese companies prefer market-driven investment in data centers and small modular reactors.",
]);

describe("extractClaims", () => {
  const claims = extractClaims(NIPPON, NIPPON.enrichment);

  it("makes one claim per sentence and splits sentences at semicolons", () => {
    const second = claims.filter((c) => c.paragraph === 2);
    expect(second.map((c) => c.text)).toEqual([
      "The combined opposition still controls the House of Councillors",
      "in the lower house, the LDP-Ishin coalition has the two-thirds majority needed to override the upper house on legislation.",
    ]);
    const text = NIPPON.paragraphs[1]!.text;
    for (const c of second) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it("carries the entities, figures and dates enrichment found in the sentence", () => {
    const first = claims[0]!;
    expect(first.entities).toContain("liberal-democratic-party");
    expect(first.figures).toContain("seats:352");
    const visit = claims.find((c) => c.paragraph === 3)!;
    expect(visit.dates).toContain("2026-03-19");
    expect(visit.entities).toEqual(expect.arrayContaining(["donald-trump", "white-house"]));
  });

  it("flags questions and numbers claims in reading order", () => {
    expect(claims.at(-1)!.question).toBe(true);
    expect(claims.map((c) => c.position)).toEqual(claims.map((_, i) => i));
    expect(claims[0]!.id).toBe("nippon#1.0");
  });

  it("leaves out headings, notes and labels without words", () => {
    const body: Paragraph[] = [
      { n: 1, kind: "heading", text: "Staying in Trump's Favor With Voters" },
      { n: 2, kind: "list-item", text: "February 10, 2026:" },
      { n: 3, kind: "note", text: "Originally published in Japanese by the newspaper." },
      { n: 4, kind: "paragraph", text: "The summit will be held in Washington next week." },
    ];
    const { enrichment } = enrichArticle({ paragraphs: body, language: "en", publishedAt: null });
    expect(extractClaims({ id: "x", paragraphs: body }, enrichment).map((c) => c.paragraph)).toEqual([4]);
  });

  it("gives nothing for an empty article", () => {
    const { enrichment } = enrichArticle({ paragraphs: [], language: null, publishedAt: null });
    expect(extractClaims({ id: "x", paragraphs: [] }, enrichment)).toEqual([]);
  });
});

describe("claimSimilarity", () => {
  const a = extractClaims(NIPPON, NIPPON.enrichment);
  const b = extractClaims(CAIXIN, CAIXIN.enrichment);
  const ctx = claimContext([...a, ...b]);
  const find = (list: typeof a, pattern: RegExp) => list.find((c) => pattern.test(c.text))!;

  it("scores a paraphrase of the same fact well above unrelated sentences", () => {
    const majority = find(a, /LDP-Ishin coalition/);
    const paraphrase = find(b, /enjoys a two-thirds/);
    const unrelated = find(b, /market-driven/);
    const same = claimSimilarity(majority, paraphrase, ctx);
    expect(same).toBeGreaterThan(0.35);
    expect(claimSimilarity(majority, unrelated, ctx)).toBeLessThan(0.1);
    expect(claimSimilarity(paraphrase, majority, ctx)).toBeCloseTo(same, 10);
  });

  it("is 1 for a claim with itself and stays in [0, 1]", () => {
    for (const x of [...a, ...b]) {
      expect(claimSimilarity(x, x, ctx)).toBeCloseTo(1, 10);
      for (const y of b) {
        const s = claimSimilarity(x, y, ctx);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe("similarPairs", () => {
  // A wire copy repeats claims word for word; the long sentence has more stems than the comparer's bit mask holds.
  const COPY = article(
    "copy",
    NIPPON.paragraphs.map((p) => p.text),
  );
  const LONG = article("long", [
    "Exporters of cars, chips, steel, machinery, chemicals, textiles, soybeans, pork, beef, wheat, lumber, paper, glass, cement, furniture, toys, shoes, phones, cameras, batteries, solar panels, turbines and aircraft parts fear the tariff the Trump administration announced on March 19 in Washington after the Takaichi summit with the LDP-Ishin coalition.",
    "Her ruling coalition enjoys a two-thirds majority in the lower house after the election.",
  ]);
  const claims = [NIPPON, CAIXIN, COPY, LONG].flatMap((x) => extractClaims(x, x.enrichment));
  const ctx = claimContext(claims);

  it("gives each pair its claimSimilarity exactly, strongest first, then by claim order", () => {
    expect(Math.max(...claims.map((c) => c.stems.length))).toBeGreaterThan(31);
    const pairs = similarPairs(claims, ctx, { threshold: 0.05, maxStemShare: 1 });
    for (const p of pairs) expect(p.similarity).toBe(claimSimilarity(claims[p.a]!, claims[p.b]!, ctx));
    const sorted = [...pairs].sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
    expect(pairs).toEqual(sorted);
    // Every pair of statements sharing a stem is compared once.
    const expected: string[] = [];
    claims.forEach((x, i) => {
      claims.forEach((y, j) => {
        if (j <= i || x.question || y.question || !x.stems.some((s) => y.stems.includes(s))) return;
        if (claimSimilarity(x, y, ctx) >= 0.05) expected.push(`${i}-${j}`);
      });
    });
    expect(pairs.map((p) => `${p.a}-${p.b}`).sort()).toEqual(expected.sort());
  });
});

describe("groupClaims", () => {
  it("aligns the claims two articles share and leaves the rest alone", () => {
    const claims = [...extractClaims(NIPPON, NIPPON.enrichment), ...extractClaims(CAIXIN, CAIXIN.enrichment)];
    const groups = groupClaims(claims, claimContext(claims));
    expect(groups.flatMap((g) => g.claims)).toHaveLength(claims.length);
    const shared = groups.filter((g) => g.articleIds.length === 2).map((g) => g.claims.map((c) => c.id));
    expect(shared).toContainEqual(["nippon#2.1", "caixin#1.0"]);
    expect(shared).toContainEqual(["nippon#3.0", "caixin#2.0"]);
    expect(groups.find((g) => g.claims.some((c) => /market-driven/.test(c.text)))!.claims).toHaveLength(1);
  });
});

describe("storyEntityAliases", () => {
  it("gives a person named in either order one slug", () => {
    const a = article("a", ["Prime Minister Takaichi Sanae met reporters in Tokyo on Monday."]);
    const b = article("b", ["Japanese Prime Minister Sanae Takaichi met reporters in Tokyo on Monday."]);
    const [ra, rb] = storyEntityAliases([a.enrichment.entities, b.enrichment.entities]);
    const slug = (e: typeof a.enrichment, map: Map<string, string>) =>
      e.entities.filter((x) => x.type === "person").map((x) => map.get(x.slug) ?? x.slug);
    expect(slug(a.enrichment, ra!)).toEqual(slug(b.enrichment, rb!));
  });
});

describe("contentStems", () => {
  it("folds inflections and news paraphrases and splits compounds into their parts", () => {
    const { stems } = contentStems("The summit pledged investments; a two-thirds majority.");
    expect(stems).toEqual(expect.arrayContaining(["meet", "pledge", "invest", "two", "third"]));
    expect(stems).not.toContain("two-thirds");
    expect(contentStems("Talks and meetings").stems).toEqual(["meet"]);
    expect(contentStems("the constructor of toString").stems).toEqual(["constructor", "tostr"]);
  });

  it("names a country one way whatever the text calls it", () => {
    const stems = (text: string) => contentStems(text).stems;
    for (const text of [
      "the U.S. economy",
      "the United States economy",
      "the US economy",
      "American economy",
    ])
      expect(stems(text)).toEqual(["@united-states", "economi"]);
    expect(stems("Japan-US talks")).toEqual(["@japan", "@united-states", "meet"]);
    expect(stems("Beijing warned Japan’s leaders")).toEqual(["@china", "warn", "@japan", "leader"]);
    expect(stems("us and them")).toEqual([]);
  });
});
