import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { enrichArticle } from "../../enrich/index";
import { decodeHtmlBytes, normalize } from "../../normalize/index";
import { CAIXIN_SEED, NIPPON_SEED, readSeed, repoRoot } from "../../normalize/__fixtures__/seeds";
import type { NormalizedArticle } from "../../schemas/article";
import { inferReferenceDate } from "../dates";
import type { BriefingArticle } from "../input";

const dataRoot = () => join(repoRoot(), "..", "shared", "data");

/** Enriched as `parallax brief` does: an undated article is dated by its own latest written date. */
export function briefingArticle(id: string, article: NormalizedArticle, label?: string): BriefingArticle {
  let { enrichment } = enrichArticle(article);
  if (!article.publishedAt) {
    const inferred = inferReferenceDate(enrichment.times);
    if (inferred) enrichment = enrichArticle(article, { referenceDate: inferred }).enrichment;
  }
  return { ...article, id, label: label ?? null, siteName: label ?? article.siteName, enrichment };
}

/** The two seeds, one story: nippon.com's column and Caixin's digest. */
export function seedStory(): BriefingArticle[] {
  return [
    briefingArticle("nippon", normalize({ kind: "text", text: readSeed(NIPPON_SEED) }), "nippon.com"),
    briefingArticle("caixin", normalize({ kind: "text", text: readSeed(CAIXIN_SEED) }), "Caixin"),
  ];
}

export interface NewsWclEntry {
  file: string;
  event: number;
  outlet: string;
  mentions: Array<{ concept: string; text: string }>;
}

export function newsWclIndex(): NewsWclEntry[] {
  return JSON.parse(readFileSync(join(dataRoot(), "newswcl50", "index.json"), "utf8")) as NewsWclEntry[];
}

/** NewsWCL50's ten events, five outlets each, as stories (first line the title, as the files are written). */
export function newsWclStories(): Array<{ event: number; articles: BriefingArticle[] }> {
  const byEvent = new Map<number, BriefingArticle[]>();
  for (const entry of newsWclIndex()) {
    const raw = readFileSync(join(dataRoot(), "newswcl50", entry.file), "utf8");
    const cut = raw.indexOf("\n");
    const article = normalize(
      { kind: "text", text: raw.slice(cut + 1) },
      { title: raw.slice(0, cut).trim() },
    );
    const list = byEvent.get(entry.event) ?? [];
    list.push(briefingArticle(entry.file, article, entry.outlet));
    byEvent.set(entry.event, list);
  }
  return [...byEvent.entries()].sort(([a], [b]) => a - b).map(([event, articles]) => ({ event, articles }));
}

/** Every `step`-th page of the extraction set, normalized: real pages in many languages, one article each. */
export function extractionSample(step: number): BriefingArticle[] {
  const dir = join(dataRoot(), "extraction", "pages");
  const files = readdirSync(dir).sort();
  const out: BriefingArticle[] = [];
  for (let i = 0; i < files.length; i += step) {
    try {
      const article = normalize({ kind: "html", html: decodeHtmlBytes(readFileSync(join(dir, files[i]!)), null) });
      out.push(briefingArticle(files[i]!, article));
    } catch {
      // Pages that are not articles are the normalizer's concern (it says so with an error).
    }
  }
  return out;
}
