import { createHash } from "node:crypto";
import type { BriefingArticle } from "@parallax/core/brief";
import { genreWithOutletSections } from "@parallax/core/sources";
import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { getArticles } from "./articles";
import { getArticleEnrichments } from "./entities";
import { opinionSectionsOfArticles } from "./sources";
import { resolveStoryId } from "./stories";

export interface BriefingSources {
  /** The live story (redirects followed). */
  storyId: string;
  /** Its first articles as a briefing reads them (earliest first, as the story page lists them), any status. */
  articleIds: string[];
  /**
   * Hash of everything `loadBriefingArticles(articleIds)` gives a briefing: which of them it keeps (readable,
   * enriched without error, not a copy), in order, and for each the stored state its content comes from (the
   * article row's update time, revision and content hash, the enrichment's version and output hash, the
   * outlet's fields). Equal keys give equal briefing inputs.
   */
  sourceKey: string;
  /** The story's latest briefing: its version and the key of the build that last gave it. */
  latest: { version: number; buildKey: string | null } | null;
}

interface MemberRow {
  id: string;
  status: string;
  revision: number;
  content_hash: string | null;
  updated_at: string;
  enriched: boolean;
  enrichment_version: number | null;
  output_hash: string | null;
  enrichment_error: string | null;
  source: [string, string | null, string | null, string | null, string[]] | null;
}

/**
 * A story's briefing inputs in outline, in two statements (the redirect, then members, their state and the
 * latest briefing together): enough to tell that a rebuild would read exactly what the latest build read,
 * before loading the articles (a dozen statements, their whole text and enrichment) and building. Null when the
 * id is no story.
 */
export async function briefingSources(
  db: Database,
  id: string,
  articleLimit: number,
): Promise<BriefingSources | null> {
  const storyId = await resolveStoryId(db, id);
  if (!storyId) return null;
  const { rows } = await db.execute<{
    found: boolean;
    members: MemberRow[] | null;
    version: number | null;
    build_key: string | null;
  }>(sql`
    select exists (select 1 from stories where id = ${storyId}) as found, m.members, b.version, b.build_key
    from (select 1) one
    left join lateral (
      select json_agg(x order by x.ord) as members from (
        select row_number() over (order by a.published_at asc nulls last, s.assigned_at, a.id) as ord,
               a.id, a.status, a.revision, a.content_hash, a.updated_at, e.article_id is not null as enriched,
               e.version as enrichment_version, e.output_hash, e.error as enrichment_error,
               case when src.id is null then null
                 else json_build_array(src.name, src.domain, src.country, src.language, src.opinion_sections)
               end as source
        from article_stories s
        join articles a on a.id = s.article_id
        left join article_enrichment e on e.article_id = a.id
        left join sources src on src.id = a.source_id
        where s.story_id = ${storyId}
        order by a.published_at asc nulls last, s.assigned_at, a.id
        limit ${Math.max(1, Math.floor(articleLimit))}
      ) x
    ) m on true
    left join lateral (
      select version, build_key from briefings where scope = 'story' and subject_id = ${storyId}
      order by version desc limit 1
    ) b on true`);
  const row = rows[0];
  if (!row?.found) return null;
  const members = row.members ?? [];
  const hash = createHash("sha256");
  // As loadBriefingArticles filters: readable, with an enrichment that did not fail.
  for (const m of members)
    if (m.status === "ready" && m.enriched && !m.enrichment_error)
      hash.update(
        `${JSON.stringify([m.id, m.revision, m.content_hash, m.updated_at, m.enrichment_version, m.output_hash, m.source])}\n`,
      );
  return {
    storyId,
    articleIds: members.map((m) => m.id),
    sourceKey: hash.digest("hex"),
    latest: row.version === null ? null : { version: row.version, buildKey: row.build_key },
  };
}

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
