import { type Claim, claimContext, extractClaims, storyEntityAliases } from "../claims/index";
import type { Briefing } from "../schemas/briefing";
import { buildEntities } from "./entities";
import { buildFigures } from "./figures";
import { buildHeadline } from "./headline";
import {
  BRIEFING_BUILDER_VERSION,
  type BriefingArticle,
  type BriefingOptions,
  DEFAULT_BRIEFING_OPTIONS,
  sourceLabels,
} from "./input";
import { buildKeyPoints } from "./keypoints";
import { leadingPronounReferent } from "./pronoun";
import { briefingSources } from "./sources";
import { ParagraphStems } from "./support";
import { buildTimeline } from "./timeline";

/**
 * The briefing of a story's articles (or of one article): headline, 3–7 key points, who's involved, timeline,
 * key figures and sources, every text taken from the articles and citing each paragraph that supports it.
 * Pure and deterministic: no clock (an event is `expected` relative to each article's own publication date),
 * the same articles in the same order give the same briefing. No articles give an empty briefing.
 */
export function buildBriefing(articles: readonly BriefingArticle[], options: BriefingOptions = {}): Briefing {
  const o = { ...DEFAULT_BRIEFING_OPTIONS, ...options };
  const ids = new Set<string>();
  for (const article of articles) {
    if (ids.has(article.id)) throw new Error(`buildBriefing: article id ${article.id} is given twice`);
    ids.add(article.id);
  }
  const labels = sourceLabels(articles);
  const sources = briefingSources(articles, labels);
  const info = new Map(sources.map((s, order) => [s.articleId, { label: s.label, genre: s.genre, order }]));
  const renamed = storyEntityAliases(articles.map((a) => a.enrichment.entities));
  const claims: Claim[] = articles.flatMap((a, i) =>
    extractClaims({ id: a.id, paragraphs: a.paragraphs, language: a.language ?? null }, a.enrichment, {
      renamed: renamed[i],
    }),
  );
  const ctx = claimContext(claims);
  const stems = new ParagraphStems(
    articles.map((a) => ({ id: a.id, paragraphs: a.paragraphs, language: a.language ?? null })),
  );
  const byId = new Map(articles.map((a) => [a.id, a]));
  const keyPoints = buildKeyPoints({
    claims,
    ctx,
    stems,
    sources: info,
    referent: (claim) => leadingPronounReferent(claim, byId.get(claim.articleId)!.enrichment),
    max: Math.max(0, Math.min(7, o.maxKeyPoints)),
  });
  const outlets = sources.map((s) => s.outlet);
  return {
    builder: BRIEFING_BUILDER_VERSION,
    scope: o.scope,
    headline: buildHeadline(articles, labels, stems, keyPoints, outlets),
    keyPoints,
    entities: buildEntities({ articles, labels, renamed, stems, max: o.maxEntities }),
    timeline: buildTimeline({
      articles,
      labels,
      genres: sources.map((s) => s.genre),
      renamed,
      stems,
      max: o.maxTimeline,
    }),
    figures: buildFigures({ articles, labels, stems, max: o.maxFigures }),
    sources,
  };
}
