import type { BriefingArticle } from "@parallax/core/brief";
import { genreWithOutletSections } from "@parallax/core/sources";
import type { Database } from "../client";
import { getArticles } from "./articles";
import { getArticleEnrichments } from "./entities";
import { opinionSectionsOfArticles } from "./sources";

/**
 * Stored articles as a briefing reads them: body, outlet and enrichment. Articles not readable or not yet
 * enriched are left out (a briefing says nothing it cannot cite), and so are stored copies of another article,
 * which would only cite the same text twice. Order follows `articleIds`. A dozen statements whatever the number
 * of articles: read one by one, a 60-article story's rebuild took ≈ 720 round trips.
 */
export async function loadBriefingArticles(
  db: Database,
  articleIds: readonly string[],
): Promise<BriefingArticle[]> {
  const ids = [...new Set(articleIds)];
  // An outlet's opinion sections (set on /sources) make its articles there opinion, whatever the page said.
  const [opinionSections, articles, enrichments] = await Promise.all([
    opinionSectionsOfArticles(db, ids),
    getArticles(db, ids),
    getArticleEnrichments(db, ids),
  ]);
  return articles.flatMap((article) => {
    const enrichment = enrichments.get(article.id);
    if (article.status !== "ready" || !enrichment) return [];
    return [
      {
        id: article.id,
        title: article.title,
        titleSource: article.titleSource,
        paragraphs: article.paragraphs,
        publishedAt: article.publishedAt,
        language: article.language,
        genre: genreWithOutletSections(
          article.genre,
          { section: article.section, url: article.canonicalUrl ?? article.url },
          opinionSections.get(article.id) ?? [],
        ),
        url: article.canonicalUrl ?? article.url,
        digest: article.digest,
        source: article.source,
        enrichment,
      },
    ];
  });
}
