/**
 * Briefings: `buildBriefing(articles, options?) => Briefing` (schema `zBriefing` in `@parallax/core/schemas`),
 * `renderBriefingMarkdown(briefing)`, and `checkCitations(briefing, articles)`, which lists every text whose
 * citations do not support it (the builder cites by the same rule, so a correct briefing gives none).
 * `inferReferenceDate(times)` dates an article that has no publication date from its own text.
 */
export { buildBriefing } from "./build";
export { type BriefingSection, checkCitations, citedTexts, type UnsupportedText } from "./citations";
export { datesCompatible } from "../enrich/date-range";
export { valuesCompatible } from "../enrich/figures/compatible";
export { inferReferenceDate } from "./dates";
export { cleanTitle } from "./headline";
export {
  BRIEFING_BUILDER_VERSION,
  type BriefingArticle,
  type BriefingOptions,
  DEFAULT_BRIEFING_OPTIONS,
  sourceLabels,
} from "./input";
export { formatCitations, renderBriefingMarkdown } from "./markdown";
export { isSupport, ParagraphStems, SUPPORT_THRESHOLDS, type SupportScore, supportScore } from "./support";
export { type BriefingDiff, diffBriefings, zBriefingDiff } from "./diff";
