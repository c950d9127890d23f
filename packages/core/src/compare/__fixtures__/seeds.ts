import { enrichArticle } from "../../enrich/index";
import { normalize } from "../../normalize/index";
import { CAIXIN_SEED, NIPPON_SEED, readSeed } from "../../normalize/__fixtures__/seeds";
import type { ComparisonArticleInput, ComparisonInput } from "../../schemas/comparison";
import type { Paragraph } from "../../schemas/paragraph";

/** An article as the comparison reads it, normalized and enriched like the worker does. */
export function comparisonArticle(
  id: string,
  text: string,
  source: { name: string; country: string | null } | null,
  referenceDate: string | null = null,
): ComparisonArticleInput {
  const article = normalize({ kind: "text", text });
  const { enrichment } = enrichArticle(article, { referenceDate });
  return {
    id,
    title: article.title,
    paragraphs: article.paragraphs,
    publishedAt: article.publishedAt,
    language: article.language,
    source,
    genre: article.genre,
    enrichment,
  };
}

/** An article from plain paragraphs (no normalizer), for small hand-made cases. */
export function articleFrom(
  id: string,
  texts: string[],
  options: { source?: string; country?: string | null; genre?: ComparisonArticleInput["genre"] } = {},
): ComparisonArticleInput {
  const paragraphs: Paragraph[] = texts.map((text, i) => ({ n: i + 1, kind: "paragraph", text }));
  const { enrichment } = enrichArticle({ paragraphs, language: "en", publishedAt: "2026-03-12T00:00:00Z" });
  return {
    id,
    title: texts[0]?.slice(0, 60) ?? "",
    paragraphs,
    publishedAt: "2026-03-12T00:00:00Z",
    language: "en",
    source: options.source ? { name: options.source, country: options.country ?? null } : null,
    genre: options.genre ?? "news",
    enrichment,
  };
}

let seeds: ComparisonInput | null = null;

/** The two seed articles, one side each: nippon.com's column and Caixin's analysis digest (cached per run). */
export function seedInput(): ComparisonInput {
  seeds ??= {
    sides: [
      {
        label: "nippon.com",
        articles: [comparisonArticle("nippon", readSeed(NIPPON_SEED), { name: "nippon.com", country: "JP" })],
      },
      {
        label: "Caixin",
        articles: [
          comparisonArticle("caixin", readSeed(CAIXIN_SEED), { name: "Caixin", country: "CN" }, "2026-02-12"),
        ],
      },
    ],
  };
  return seeds;
}
