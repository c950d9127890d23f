import type { Briefing, Citation } from "../schemas/briefing";
import type { Paragraph } from "../schemas/paragraph";
import { ParagraphStems } from "./support";

export type BriefingSection = "headline" | "keyPoint" | "entity" | "timeline" | "figure";

/** A text of a briefing with a citation that does not support it, or with none at all. */
export interface UnsupportedText {
  section: BriefingSection;
  text: string;
  /** The failing citation; null when the text has no citation. */
  citation: Citation | null;
  reason: "no-citation" | "no-such-paragraph" | "not-supported";
}

/** Every text of a briefing with its citations, section by section. */
export function citedTexts(
  briefing: Briefing,
): Array<{ section: BriefingSection; text: string; citations: Citation[] }> {
  const out: Array<{ section: BriefingSection; text: string; citations: Citation[] }> = [];
  if (briefing.headline) out.push({ section: "headline", ...briefing.headline });
  for (const point of briefing.keyPoints)
    for (const sentence of point.sentences) out.push({ section: "keyPoint", ...sentence });
  for (const entity of briefing.entities)
    if (entity.description) out.push({ section: "entity", ...entity.description });
  for (const entry of briefing.timeline) {
    out.push({ section: "timeline", ...entry.event });
    for (const report of entry.reports)
      out.push({ section: "timeline", text: report.text, citations: [report.citation] });
  }
  for (const figure of briefing.figures)
    for (const value of figure.values)
      out.push({ section: "figure", text: value.text, citations: value.citations });
  return out;
}

/**
 * The texts of a briefing that a citation does not support, by the same rule the builder cites by (see
 * `SUPPORT_THRESHOLDS`): enough of the text's content words, and all its numbers, in the cited paragraph. An
 * empty list means every sentence cites only paragraphs that say it. Pass the articles the briefing was built
 * from: word rarity is weighed over their paragraphs.
 */
export function checkCitations(
  briefing: Briefing,
  articles: ReadonlyArray<{ id: string; paragraphs: readonly Paragraph[]; language?: string | null }>,
): UnsupportedText[] {
  const stems = new ParagraphStems(articles);
  const out: UnsupportedText[] = [];
  for (const { section, text, citations } of citedTexts(briefing)) {
    if (citations.length === 0) out.push({ section, text, citation: null, reason: "no-citation" });
    for (const citation of citations) {
      if (!stems.paragraph(citation.articleId, citation.paragraph))
        out.push({ section, text, citation, reason: "no-such-paragraph" });
      else if (!stems.supports(text, citation.articleId, citation.paragraph))
        out.push({ section, text, citation, reason: "not-supported" });
    }
  }
  return out;
}
