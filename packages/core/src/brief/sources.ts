import { readGenre } from "../compare/opinion";
import type { Genre } from "../schemas/article";
import type { BriefingSource } from "../schemas/briefing";
import { type BriefingArticle, outletOf } from "./input";

/**
 * The sources list: outlet, country, dates and genre of each article. The genre is the page's own when it
 * declared opinion or analysis; otherwise the title kicker or the text's stance decides (`readGenre`), since
 * pasted text and many pages declare nothing and the normalizer then says "news".
 */
export function briefingSources(
  articles: readonly BriefingArticle[],
  labels: readonly string[],
): BriefingSource[] {
  return articles.map((article, i) => {
    const reading = readGenre({
      title: article.title ?? "",
      genre: article.genre ?? null,
      paragraphs: article.paragraphs,
      quotes: article.enrichment.quotes,
    });
    const declared = article.genre ?? "news";
    return {
      articleId: article.id,
      label: labels[i]!,
      outlet: outletOf(article),
      country: article.source?.country ?? null,
      title: article.title ?? "",
      url: article.url ?? null,
      publishedAt: article.publishedAt,
      referenceDate: article.publishedAt ? null : (article.enrichment.referenceDate ?? null),
      genre: reading.genre as Genre,
      genreInferred: reading.genre !== declared || reading.basis !== "declared",
    };
  });
}
