import { zArticleSummary } from "@parallax/core";
import { ArticleList } from "@parallax/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";

export const metadata: Metadata = { title: "Articles" };

const PAGE_SIZE = 30;
const zCursor = zArticleSummary.shape.createdAt;

export default async function ArticlesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { before } = await searchParams;
  // A cursor that is not a timestamp (hand-edited URL) means the first page, not an error.
  const cursor = typeof before === "string" && zCursor.safeParse(before).success ? before : null;
  const caller = await getCaller();
  const page = await caller.article.list({ limit: PAGE_SIZE, cursor }).catch((error: unknown) => {
    if (isUnavailable(error)) return null;
    throw error;
  });
  if (!page) {
    return (
      <>
        <h1 className="page-title">Articles</h1>
        <Unavailable />
      </>
    );
  }
  const { items, nextCursor } = page;

  return (
    <>
      <h1 className="page-title">Articles</h1>
      {items.length === 0 ? (
        <div className="empty-state">
          <p>{cursor ? "No older articles." : "No articles yet."}</p>
          <p>
            <Link href="/submit">Submit an article</Link> by URL, pasted text or HTML.
          </p>
        </div>
      ) : (
        <ArticleList articles={items} Link={Link} />
      )}
      {cursor || nextCursor ? (
        <nav className="pagination" aria-label="Pages">
          {cursor ? <Link href="/articles">Newest</Link> : <span />}
          {nextCursor ? (
            <Link href={`/articles?before=${encodeURIComponent(nextCursor)}`}>Older articles</Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
