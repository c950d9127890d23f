/**
 * Comparisons: how two or more sides (outlets, countries' media, user labels) cover one story, claim by claim.
 *
 * - `compareArticles(input, options?) => Comparison`: pure and deterministic; `input` is `ComparisonInput`
 *   (schemas/comparison.ts), two or more labelled sides of enriched articles.
 * - `formSides(articles, by)`: a story's articles as sides, by article, outlet, country or user labels.
 * - `renderComparisonMarkdown(comparison) => string`: the comparison as a cited markdown report.
 */
export { type CompareOptions, ComparisonInputError, compareArticles } from "./compare";
export { compareDates } from "../enrich/date-range";
export { compareFigures } from "../enrich/figures/compatible";
export { findLabels, type Label, labelKey } from "./labels";
export { type LogOddsOptions, type LogOddsTerm, weightedLogOdds } from "./log-odds";
export { formatCitations, type MarkdownOptions, renderComparisonMarkdown } from "./markdown";
export { type GenreReading, readGenre } from "./opinion";
export { formSides, type SideGrouping } from "./sides";
export { sentenceTone, TONE_LIMITS, TONE_METHOD } from "./tone";
