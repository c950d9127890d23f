import { zArticleId } from "@parallax/core";
import { ArticleBody, ArticleHeader, CaptionList, DigestView, DuplicateLinks, UNTITLED } from "@parallax/ui";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleLiveProgress } from "~/components/article-live-progress";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";

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
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return "missing" as const;
    if (isUnavailable(error)) return "unavailable" as const;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadArticle((await params).id);
  if (article === "missing") return { title: "Not found" };
  return { title: article === "unavailable" ? "Unavailable" : (article.title ?? UNTITLED) };
}

/** The article's story, when the worker has placed it in one; the page reads without it. */
async function loadStoryId(id: string): Promise<string | null> {
  const caller = await getCaller();
  const placed = await caller.article.story({ id }).catch(() => null);
  return placed?.storyId ?? null;
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticle((await params).id);
  if (article === "missing") notFound();
  if (article === "unavailable") return <Unavailable />;
  const readable = article.status === "ready" || article.status === "duplicate";
  // A stored copy of another article is briefed as that article, never on its own.
  const briefed = article.status === "ready";
  const storyId = briefed ? await loadStoryId(article.id) : null;

  return (
    <article className="article">
      <ArticleHeader article={article} />
      {briefed ? (
        <nav aria-label="Briefings" className="article-related">
          <ul>
            {storyId ? (
              <li>
                <Link href={`/stories/${storyId}`}>Its story and briefing</Link>
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
          {article.paragraphs.length > 0 ? (
            <ArticleBody paragraphs={article.paragraphs} lang={article.language} />
          ) : (
            <p className="notice">No text was extracted from this article.</p>
          )}
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
