import type { Genre, TitleSource } from "../schemas/article";
import type { Digest } from "../schemas/digest";
import type { Enrichment } from "../schemas/enrichment";
import type { Paragraph } from "../schemas/paragraph";

/** One article of the story as the briefing reads it: the normalized article and its enrichment. */
export interface BriefingArticle {
  id: string;
  title: string | null;
  titleSource?: TitleSource | null;
  paragraphs: readonly Paragraph[];
  publishedAt: string | null;
  language?: string | null;
  genre?: Genre | null;
  url?: string | null;
  digest?: Digest | null;
  /** The outlet as stored; `siteName` (the normalizer's) stands in when there is none. */
  source?: { name: string; country: string | null; domain?: string | null } | null;
  siteName?: string | null;
  /** Shown in citations when the article names no outlet (`parallax brief` passes the file name). */
  label?: string | null;
  /** Keywords are not read: they are scored against the corpus of the moment, which a briefing must not depend on. */
  enrichment: Omit<Enrichment, "keywords">;
}

export interface BriefingOptions {
  /** A story's briefing or one article's; the same content either way, the scope is recorded. */
  scope?: "story" | "article";
  /** At most 7 by the briefing's contract. */
  maxKeyPoints?: number;
  maxEntities?: number;
  maxFigures?: number;
  maxTimeline?: number;
}

export const DEFAULT_BRIEFING_OPTIONS = {
  scope: "story" as "story" | "article",
  maxKeyPoints: 7,
  maxEntities: 10,
  maxFigures: 10,
  maxTimeline: 30,
};

/** Bumped whenever the briefing built from the same articles can change, so stored ones get rebuilt. */
export const BRIEFING_BUILDER_VERSION = 2;

function hostOf(url: string | null | undefined): string | null {
  const m = url ? /^[a-z][a-z0-9+.-]*:\/\/(?:www\.)?([^/?#:]+)/i.exec(url) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/** The outlet's name as readers know it, or null when nothing names it. */
export function outletOf(article: BriefingArticle): string | null {
  return article.source?.name ?? article.siteName ?? article.source?.domain ?? hostOf(article.url) ?? null;
}

/**
 * Labels for citations, one per article: the outlet, else the given label, else "Article N"; two articles of
 * one outlet are told apart by a number ("Reuters", "Reuters 2").
 */
export function sourceLabels(articles: readonly BriefingArticle[]): string[] {
  const base = articles.map((a, i) => outletOf(a) ?? a.label?.trim() ?? `Article ${i + 1}`);
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const label of base) total.set(label, (total.get(label) ?? 0) + 1);
  return base.map((label) => {
    if (total.get(label) === 1) return label;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} ${n}`;
  });
}
