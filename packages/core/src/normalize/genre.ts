import type { Genre } from "../schemas/article";

// schema.org's news types: https://schema.org/NewsArticle lists Opinion, Analysis, Background, Review and
// Reportage; a review argues like an opinion piece, background interprets like an analysis.
const TYPE_GENRE: Readonly<Record<string, Genre>> = {
  OpinionNewsArticle: "opinion",
  ReviewNewsArticle: "opinion",
  AnalysisNewsArticle: "analysis",
  BackgroundNewsArticle: "analysis",
  ReportageNewsArticle: "news",
};

// The names desks give their opinion and analysis pages, in the languages we read. Matched as whole words of
// a section name or a URL path segment, so "Opinion polls" as a topic tag is not a sign.
const OPINION_WORDS =
  "opinion|opinions|commentary|comment|comments-?opinion|editorial|editorials|op-?ed|oped|column|columns|columnists?|letters|leserbriefe|meinung|meinungen|kommentar|kommentare|gastbeitrag|gastkommentar|standpunkt|leitartikel|tribune|tribunes|tribuna|idees|idées|debats|débats|editorial|opinión|opinion|opinioni|editoriale|commento|commenti|opinião|opiniao|opinie|mening|мнения|мнение|колонки|社説|オピニオン|论坛|評論|评论|사설|칼럼|오피니언";
const ANALYSIS_WORDS =
  "analysis|analyses|analyse|analysen|analisi|análisis|analisis|análise|analise|explainer|explained|hintergrund|decryptage|décryptage|аналитика|анализ|分析|해설|분석";

const SECTION_OPINION = new RegExp(`^(?:${OPINION_WORDS})$`, "iu");
const SECTION_ANALYSIS = new RegExp(`^(?:${ANALYSIS_WORDS})$`, "iu");
const PATH_OPINION = new RegExp(`/(?:${OPINION_WORDS})(?:/|$)`, "iu");
const PATH_ANALYSIS = new RegExp(`/(?:${ANALYSIS_WORDS})(?:/|$)`, "iu");
// "Analysis: …", "OPINION | …", "ANALYSIS-…" (Reuters), "Kommentar: …", "Tribune. …"
const TITLE_OPINION = new RegExp(`^(?:${OPINION_WORDS})\\s?(?:[:|–—]|-(?=\\S)|\\.\\s)`, "iu");
const TITLE_ANALYSIS = new RegExp(`^(?:${ANALYSIS_WORDS})\\s?(?:[:|–—]|-(?=\\S)|\\.\\s)`, "iu");

export interface GenreSigns {
  /** schema.org types of the article's JSON-LD node. */
  types: readonly string[];
  section: string | null;
  title: string | null;
  url: string | null;
}

function urlPath(url: string | null): string {
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*([^?#]*)/i.exec(url ?? "");
  try {
    return decodeURIComponent(m?.[1] ?? "").toLowerCase();
  } catch {
    return (m?.[1] ?? "").toLowerCase();
  }
}

/**
 * Opinion, analysis or news, from what the page says about itself: its schema.org type, a title kicker
 * ("Analysis: …"), its section, its URL path. null when nothing says, which `normalize` reads as news.
 */
export function genreOf(signs: GenreSigns): Genre | null {
  for (const type of signs.types) if (TYPE_GENRE[type]) return TYPE_GENRE[type];
  const title = signs.title?.trim() ?? "";
  if (TITLE_OPINION.test(title)) return "opinion";
  if (TITLE_ANALYSIS.test(title)) return "analysis";
  const section = signs.section?.trim() ?? "";
  if (SECTION_OPINION.test(section)) return "opinion";
  if (SECTION_ANALYSIS.test(section)) return "analysis";
  const path = urlPath(signs.url);
  if (PATH_OPINION.test(path)) return "opinion";
  if (PATH_ANALYSIS.test(path)) return "analysis";
  return null;
}
