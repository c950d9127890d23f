import type { BriefingArticle } from "@parallax/core/brief";
import { genreWithOutletSections } from "@parallax/core/sources";
import type { Database } from "../client";
import { getArticle } from "./articles";
import { getArticleEnrichment } from "./entities";
import { opinionSectionsOfArticles } from "./sources";

/**
 * Stored articles as a briefing reads them: body, outlet and enrichment. Articles not readable or not yet
 * enriched are left out (a briefing says nothing it cannot cite), and so are stored copies of another article,
 * which would only cite the same text twice. Order follows `articleIds`.
 */
export async function loadBriefingArticles(
  db: Database,
  articleIds: readonly string[],
): Promise<BriefingArticle[]> {
  const out: BriefingArticle[] = [];
  // An outlet's opinion sections (set on /sources) make its articles there opinion, whatever the page said.
  const opinionSections = await opinionSectionsOfArticles(db, [...new Set(articleIds)]);
  for (const id of new Set(articleIds)) {
    const article = await getArticle(db, id);
    if (article?.status !== "ready") continue;
    const enrichment = await getArticleEnrichment(db, id);
    if (!enrichment) continue;
    out.push({
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
    });
  }
  return out;
}
