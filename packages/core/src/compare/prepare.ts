import {
  type Claim,
  type ClaimContext,
  claimContext,
  extractClaims,
  similarPairs,
  storyEntityAliases,
} from "../claims/index";
import type { ComparisonArticleInput, ComparisonCitation, ComparisonInput } from "../schemas/comparison";
import type { Entity, Mention } from "../schemas/enrichment";
import { type GenreReading, readGenre } from "./opinion";

/** One article ready for comparison: its side, genre, claims and mentions under the comparison's shared slugs. */
export interface PreparedArticle {
  input: ComparisonArticleInput;
  side: string;
  sideIndex: number;
  /** The outlet's name, or the side's label when the article has none. */
  source: string;
  genre: GenreReading;
  claims: Claim[];
  /** Mentions with slugs renamed to the comparison's; a capital standing for its state counts as the state. */
  mentions: Mention[];
  /** Entities under their comparison slugs (the first entry wins where two fold into one). */
  entities: Map<string, Entity>;
  /** The comparison slug of one of the article's own entity slugs. */
  rename: (slug: string) => string;
}

export interface Prepared {
  articles: PreparedArticle[];
  sides: string[];
  claims: Claim[];
  /** Index of each claim's article in `articles`. */
  articleOf: Map<Claim, PreparedArticle>;
  ctx: ClaimContext;
  /** For each claim (by its index in `claims`), its best similarity in every other article (by article index). */
  best: Array<Map<number, { similarity: number; claim: number }>>;
}

// Pairs below this are not worth keeping even as "closest" context: they share a word or two at most.
const FLOOR = 0.12;

export function citation(article: PreparedArticle, paragraph: number): ComparisonCitation {
  return { articleId: article.input.id, side: article.side, source: article.source, paragraph };
}

/**
 * Everything the comparison's parts share, computed once: claims with one slug per entity across all articles
 * (`storyEntityAliases`), the stem rarities of the whole comparison, and each claim's best match per article.
 */
export function prepare(input: ComparisonInput): Prepared {
  const flat = input.sides.flatMap((side, sideIndex) =>
    side.articles.map((article) => ({ article, side: side.label, sideIndex })),
  );
  const aliases = storyEntityAliases(flat.map(({ article }) => article.enrichment.entities));
  const articles: PreparedArticle[] = flat.map(({ article, side, sideIndex }, i) => {
    const renamed = aliases[i]!;
    const rename = (slug: string) => renamed.get(slug) ?? slug;
    const { enrichment } = article;
    const standsFor = new Map(
      enrichment.entities.filter((e) => e.standsFor).map((e) => [e.slug, rename(e.standsFor!)]),
    );
    const entities = new Map<string, Entity>();
    for (const e of enrichment.entities) {
      const slug = standsFor.get(e.slug) ?? rename(e.slug);
      if (!entities.has(slug)) entities.set(slug, { ...e, slug });
    }
    return {
      input: article,
      side,
      sideIndex,
      source: article.source?.name ?? side,
      genre: readGenre({
        title: article.title,
        genre: article.genre,
        paragraphs: article.paragraphs,
        quotes: enrichment.quotes,
      }),
      claims: extractClaims(
        { id: article.id, paragraphs: article.paragraphs, language: article.language ?? enrichment.language },
        enrichment,
        { renamed },
      ),
      mentions: enrichment.mentions.map((m) => ({
        ...m,
        entity: standsFor.get(m.entity) ?? rename(m.entity),
      })),
      entities,
      rename: (slug) => standsFor.get(slug) ?? rename(slug),
    };
  });
  const claims = articles.flatMap((a) => a.claims);
  const articleOf = new Map<Claim, PreparedArticle>();
  for (const a of articles) for (const c of a.claims) articleOf.set(c, a);
  const index = new Map(articles.map((a, i) => [a.input.id, i]));
  const ctx = claimContext(claims);
  const best: Prepared["best"] = claims.map(() => new Map());
  // Every stem may propose a candidate here: a claim's best match is wanted even when it is weak.
  for (const { a, b, similarity } of similarPairs(claims, ctx, {
    threshold: FLOOR,
    sameArticle: false,
    maxStemShare: 1,
  })) {
    const ia = index.get(claims[a]!.articleId)!;
    const ib = index.get(claims[b]!.articleId)!;
    const keep = (from: number, to: number, article: number) => {
      const current = best[from]!.get(article);
      if (!current || similarity > current.similarity) best[from]!.set(article, { similarity, claim: to });
    };
    keep(a, b, ib);
    keep(b, a, ia);
  }
  return { articles, sides: input.sides.map((s) => s.label), claims, articleOf, ctx, best };
}
