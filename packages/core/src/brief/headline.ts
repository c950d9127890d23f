import type { Citation, CitedText, KeyPoint } from "../schemas/briefing";
import type { BriefingArticle } from "./input";
import type { ParagraphStems } from "./support";
import { argues } from "./wording";

// "Analysis: …", "OPINION | …", "WATCH: …", "DESPERATION: …": a kicker labels or editorializes, it is not news.
const LABEL_KICKER =
  /^(?:analysis|opinion|exclusive|breaking|watch|live|update|explainer|editorial|commentary|column|factbox|fact check)\s*(?:[:|]|[–—-]\s)\s*/iu;
const CAPS_KICKER = /^\p{Lu}[\p{Lu}\s'’-]{2,30}\s*(?:[:|]|[–—-]\s)\s*/u;
// " | Reuters", " - The New York Times": the outlet's name after the title.
const OUTLET_TAIL = /\s+[|–—-]\s+([^|–—]{2,60})$/u;
const OUTLET_WORDS =
  /\b(?:news|times|post|journal|reuters|ap|afp|cnn|bbc|fox|guardian|tribune|herald|daily|telegraph|online|magazine|media|\.com)\b/i;

/** A title without its kicker and outlet name; null when nothing of a headline is left. */
export function cleanTitle(title: string, outlet: string | null): string | null {
  let text = title.replace(/\s+/g, " ").trim();
  // Only a label or a word in capitals: "Takaichi: the new mandate" keeps its subject.
  const kicker = LABEL_KICKER.exec(text) ?? CAPS_KICKER.exec(text);
  if (kicker) text = text.slice(kicker[0].length);
  const tail = OUTLET_TAIL.exec(text);
  if (
    tail &&
    (OUTLET_WORDS.test(tail[1]!) || (outlet && tail[1]!.toLowerCase().includes(outlet.toLowerCase())))
  )
    text = text.slice(0, tail.index);
  text = text.replace(/[\s:|–—-]+$/u, "").trim();
  return text.split(/\s+/).length >= 3 ? text : null;
}

/** Whole words in capitals ("SHOCKING", "DESPERATION") shout; acronyms of two to four letters do not. */
const shouts = (text: string) => /\b\p{Lu}{5,}\b/u.test(text);

/**
 * The briefing's headline: the article title the most sources support (their paragraphs say what it says),
 * cleaned of kickers and outlet names and passed over when it argues, asks or shouts; without one, the first
 * key point. It cites the paragraphs that support it, like every other text of the briefing.
 */
export function buildHeadline(
  articles: readonly BriefingArticle[],
  labels: readonly string[],
  stems: ParagraphStems,
  keyPoints: readonly KeyPoint[],
  outlets: ReadonlyArray<string | null>,
): CitedText | null {
  let best: { text: string; citations: Citation[]; score: number } | null = null;
  articles.forEach((article, i) => {
    if (!article.title || article.titleSource === "derived" || /…$/.test(article.title)) return;
    const text = cleanTitle(article.title, outlets[i] ?? null);
    if (!text) return;
    const citations: Citation[] = [];
    articles.forEach((other, j) => {
      // Most articles of a story support no one else's title: one check against all their passages says so.
      if (!stems.mayAnySupport(text, other.id)) return;
      for (const p of other.paragraphs) {
        if (p.kind === "heading" || p.kind === "note") continue;
        if (stems.supports(text, other.id, p.n)) {
          citations.push({ articleId: other.id, source: labels[j]!, paragraph: p.n });
          break;
        }
      }
    });
    if (citations.length === 0) return;
    let score = citations.length;
    if (argues(text) || /[!?]/.test(text) || shouts(text)) score -= 2;
    if (/["“”]/.test(text)) score -= 0.5;
    if ((article.genre ?? "news") === "news") score += 0.3;
    // Near the typical headline length; the longest titles are decks, not headlines.
    const words = text.split(/\s+/).length;
    if (words > 16) score -= 0.05 * (words - 16);
    if (!best || score > best.score) best = { text, citations, score };
  });
  if (best) {
    const { text, citations } = best;
    return { text, citations };
  }
  const first = keyPoints[0]?.sentences[0];
  return first ? { text: first.text, citations: first.citations } : null;
}
