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
  const ids = [...new Set(articleIds)];
  // An outlet's opinion sections (set on /sources) make its articles there opinion, whatever the page said.
  const opinionSections = await opinionSectionsOfArticles(db, ids);
  const loaded: Array<BriefingArticle | null> = new Array(ids.length).fill(null);
  // A few articles at a time: each is a dozen short queries, and one at a time a briefing of 60 articles spent
  // its seconds waiting on round trips; more at once would take the whole pool from the other jobs.
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const i = next++;
      loaded[i] = await loadOne(db, ids[i]!, opinionSections);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BRIEFING_READS_AT_ONCE, ids.length) }, lane));
  return loaded.filter((article): article is BriefingArticle => article !== null);
}

const BRIEFING_READS_AT_ONCE = 4;

async function loadOne(
  db: Database,
  id: string,
  opinionSections: Map<string, string[]>,
): Promise<BriefingArticle | null> {
  const [article, enrichment] = await Promise.all([getArticle(db, id), getArticleEnrichment(db, id)]);
  if (article?.status !== "ready" || !enrichment) return null;
  return {
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
  };
}
