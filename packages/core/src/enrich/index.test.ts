import { describe, expect, it } from "vitest";
import { normalize } from "../normalize/index";
import { readSeed } from "../normalize/__fixtures__/seeds";
import { enrichArticle } from "./index";

const nippon = normalize({ kind: "text", text: readSeed("000_692c35d782a7bbcb.txt") });
const caixin = normalize({ kind: "text", text: readSeed("002_41147d8f43a0c177.txt") });
const enrichedNippon = enrichArticle(nippon).enrichment;
// Caixin's paste carries no date; the CLI's --published-at plays this role.
const enrichedCaixin = enrichArticle(caixin, { referenceDate: "2026-02-12" }).enrichment;

const slugOf = (enrichment: typeof enrichedNippon, name: RegExp) =>
  enrichment.entities.find((e) => e.aliases.some((a) => name.test(a.text)))?.slug;

describe("enrichArticle on the two seeds", () => {
  it("resolves both orders of Takaichi's name to one person, across the two articles", () => {
    const a = slugOf(enrichedNippon, /^Takaichi Sanae$/);
    const b = slugOf(enrichedCaixin, /^Sanae Takaichi$/);
    expect(a).toBeDefined();
    expect(a).toBe(b);
    expect(enrichedNippon.entities.find((e) => e.slug === a)?.type).toBe("person");
  });

  it("links LDP and Liberal Democratic Party to one organisation", () => {
    const entity = enrichedNippon.entities.find((e) => e.aliases.some((a) => a.text === "LDP"));
    expect(entity?.type).toBe("organization");
    expect(entity?.aliases.map((a) => a.text)).toContain("Liberal Democratic Party");
  });

  it("finds the $550 billion investment in both seeds", () => {
    for (const enrichment of [enrichedNippon, enrichedCaixin]) {
      expect(
        enrichment.figures.some((f) => f.kind === "money" && f.value === 550e9 && f.unit === "USD"),
      ).toBe(true);
    }
  });

  it("resolves March 19 to 2026-03-19 in seed 000 and puts the summit on the timeline as expected", () => {
    const march19 = enrichedNippon.times.find((t) => t.text.includes("March 19"));
    expect(march19?.value).toBe("2026-03-19");
    const summit = enrichedNippon.timeline.find((e) => e.date === "2026-03-19");
    expect(summit?.expected).toBe(true);
    // The publication date is not an event.
    expect(enrichedNippon.timeline.some((e) => e.date === "2026-03-12")).toBe(false);
  });

  it("attributes Gui Yongtao's remark to him", () => {
    const gui = slugOf(enrichedCaixin, /^Gui Yongtao$/);
    const quote = enrichedCaixin.quotes.find((q) => q.speaker === "Gui Yongtao" && q.kind === "reported");
    expect(quote?.speakerEntity).toBe(gui);
    expect(
      caixin.paragraphs.find((p) => p.n === quote?.paragraph)?.text.slice(quote!.start, quote!.end),
    ).toBe(quote?.text);
  });

  it("ties every item to the span it came from", () => {
    const text = (n: number) => nippon.paragraphs.find((p) => p.n === n)!.text;
    for (const mention of enrichedNippon.mentions)
      expect(text(mention.paragraph).slice(mention.start, mention.end)).toBe(mention.text);
    for (const figure of enrichedNippon.figures)
      expect(text(figure.paragraph).slice(figure.start, figure.end)).toBe(figure.text);
    for (const time of enrichedNippon.times)
      expect(text(time.paragraph).slice(time.start, time.end)).toBe(time.text);
  });

  it("enriches an article with nothing to find, or in a language it does not model, without error", () => {
    const empty = enrichArticle({
      paragraphs: [{ n: 1, kind: "paragraph", text: "ok." }],
      language: "en",
      publishedAt: null,
    });
    expect(empty.enrichment.entities).toEqual([]);
    const thai = enrichArticle({
      paragraphs: [{ n: 1, kind: "paragraph", text: "นายกรัฐมนตรีเดินทางไปกรุงวอชิงตันเมื่อวันพฤหัสบดี" }],
      language: "th",
      publishedAt: "2026-03-12T00:00:00.000Z",
    });
    expect(thai.enrichment.language).toBe("th");
  });
});
