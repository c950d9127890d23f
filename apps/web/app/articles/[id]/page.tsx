import { zArticleId } from "@parallax/core";
import type { Enrichment } from "@parallax/core";
import { describeForLog } from "@parallax/core/redact";
import {
  ArticleBody,
  ArticleHeader,
  CaptionList,
  DigestView,
  DuplicateLinks,
  EntityIndex,
  hasIndexedEntities,
  RevisionList,
  StoryLink,
  UNTITLED,
} from "@parallax/ui";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleLiveProgress } from "~/components/article-live-progress";
import { HighlightLegend } from "~/components/highlight-toggle";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { log } from "~/server/context";
import { isUnavailable, loadFailure } from "~/server/errors";

type Props = { params: Promise<{ id: string }> };

/**
 * "missing" for an unknown or malformed id (both a 404 to the reader). Cached so metadata and page share one
 * query.
 */
const loadArticle = cache(async (id: string) => {
  if (!zArticleId.safeParse(id).success) return "missing" as const;
  const caller = await getCaller();
  try {
    return await caller.article.byId({ id });
  } catch (error) {
    return loadFailure(error);
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle((await params).id);
  if (article === "missing") return { title: "Not found" };
  return { title: article === "unavailable" ? "Unavailable" : (article.title ?? UNTITLED) };
}

type PlacedStory = { id: string; title: string | null; articleCount: number };

/**
 * The article's story with its headline, when the worker has placed it in one. The page reads without it, so a
 * failure here leaves the link out rather than the article.
 */
async function loadStory(id: string): Promise<PlacedStory | null> {
  const caller = await getCaller();
  try {
    const placed = await caller.article.story({ id });
    if (!placed) return null;
    const story = await caller.story.byId({ id: placed.storyId, articleLimit: 1 });
    return { id: story.id, title: story.title, articleCount: story.articleCount };
  } catch (error) {
    if (!isUnavailable(error) && !(error instanceof TRPCError && error.code === "NOT_FOUND")) {
      log(`article page: story of ${id}: ${describeForLog(error)}`);
    }
    return null;
  }
}

/**
 * Names, dates, figures and quotes found in the text; null until the worker has enriched it. The text is
 * what the reader came for, so an enrichment that cannot be loaded leaves plain numbered paragraphs.
 */
async function loadEnrichment(id: string): Promise<Enrichment | null> {
  const caller = await getCaller();
  try {
    return await caller.article.enrichment({ id });
  } catch (error) {
    if (!isUnavailable(error)) log(`article page: enrichment of ${id}: ${describeForLog(error)}`);
    return null;
  }
}

/** Earlier texts of the article; an empty list leaves the section out rather than the article. */
async function loadRevisions(id: string) {
  const caller = await getCaller();
  try {
    return await caller.article.revisions({ id });
  } catch (error) {
    if (!isUnavailable(error)) log(`article page: revisions of ${id}: ${describeForLog(error)}`);
    return [];
  }
}

/** Whether enrichment found anything to mark in the text (an enriched article can have nothing to mark). */
function hasMarks(enrichment: Enrichment | null): enrichment is Enrichment {
  if (!enrichment) return false;
  const { mentions, times, figures, quotes } = enrichment;
  return mentions.length > 0 || times.length > 0 || figures.length > 0 || quotes.length > 0;
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle((await params).id);
  if (article === "missing") notFound();
  if (article === "unavailable") return <Unavailable />;
  const readable = article.status === "ready" || article.status === "duplicate";
  // A stored copy of another article is briefed as that article, never on its own.
  const briefed = article.status === "ready";
  const [story, enrichment, revisions] = await Promise.all([
    briefed ? loadStory(article.id) : null,
    readable && article.paragraphs.length > 0 ? loadEnrichment(article.id) : null,
    readable ? loadRevisions(article.id) : [],
  ]);
  const marked = hasMarks(enrichment) ? enrichment : null;
  // Wider page and a side column only when "In this article" has someone or somewhere to list.
  const indexed = hasIndexedEntities(enrichment?.entities ?? []);

  return (
    <article className={indexed ? "article article-indexed" : "article"}>
      <ArticleHeader article={article} />
      {briefed ? (
        <nav aria-label="Briefings" className="article-related">
          {story ? <StoryLink story={story} /> : null}
          <ul>
            {story ? (
              <li>
                <Link href={`/stories/${story.id}`}>Its story and briefing</Link>
              </li>
            ) : null}
            <li>
              <Link href={`/articles/${article.id}/briefing`}>Briefing of this article alone</Link>
            </li>
          </ul>
        </nav>
      ) : null}
      {readable ? (
        <>
          {article.status === "duplicate" ? (
            <div className="notice notice-warn">
              <p className="notice-title">Already in Parallax</p>
              <p>
                The same text is stored as another article.{" "}
                {article.duplicateOf ? (
                  <Link href={`/articles/${article.duplicateOf}`}>Read the first copy</Link>
                ) : null}
              </p>
            </div>
          ) : null}
          {marked ? <HighlightLegend hasSpeakers={marked.quotes.some((quote) => quote.speaker)} /> : null}
          <div className={indexed ? "article-columns" : undefined}>
            {article.paragraphs.length > 0 ? (
              <ArticleBody paragraphs={article.paragraphs} lang={article.language} enrichment={marked} />
            ) : (
              <p className="notice">No text was extracted from this article.</p>
            )}
            {indexed && enrichment ? <EntityIndex entities={enrichment.entities} /> : null}
          </div>
          <RevisionList articleId={article.id} revisions={revisions} Link={Link} />
          <CaptionList captions={article.captions} />
          {article.digest ? <DigestView digest={article.digest} /> : null}
          <DuplicateLinks article={article} />
        </>
      ) : article.status === "failed" ? (
        <div className="notice notice-error">
          <p className="notice-title">Parallax could not process this article.</p>
          <p>{article.error ?? "No reason was recorded."}</p>
          <p>
            Submitting it again on the <Link href="/submit">Submit</Link> page asks for another try.
          </p>
        </div>
      ) : (
        <section aria-label="Processing">
          <p>This article is still being processed.</p>
          <ArticleLiveProgress articleId={article.id} />
        </section>
      )}
    </article>
  );
}
