/**
 * Claims: the statements of an article, one per sentence (a semicolon splits a sentence into two), and how to
 * align them across articles. Shared by briefings (`brief/`) and comparisons (`compare/`).
 *
 * - `extractClaims(article, enrichment, options?) => Claim[]`: reading order; each claim has its article id,
 *   paragraph `n`, char span in the paragraph, text, content tokens and stems, entity slugs, figure keys, resolved
 *   dates, attribution (direct/reported speech) and position. Pass `options.renamed` from `storyEntityAliases` so
 *   the same person has one slug in every article.
 * - `storyEntityAliases(entitiesPerArticle) => Map<slug, slug>[]`: per article, slugs to rename for the story.
 * - `claimContext(claims) => ClaimContext`: stem rarity over the claims being compared (build it once per set).
 * - `claimSimilarity(a, b, ctx) => number` in [0, 1] (and `similarityParts` for its components): IDF-weighted
 *   stem overlap (cosine and containment), strengthened by shared figures, dates and entities. Around 0.35 and
 *   above two claims state the same fact in other words.
 * - `groupClaims(claims, ctx, options?) => ClaimGroup[]`: every claim in exactly one group of claims that say
 *   the same thing (average linkage, deterministic); `similarPairs` gives the linked pairs themselves.
 * - `contentStems(text, language?)`: the tokens and stems everything above uses, for support checks elsewhere.
 */
export * from "./claim";
export * from "./entities";
export * from "./extract";
export * from "./group";
export * from "./similarity";
export * from "./text";
