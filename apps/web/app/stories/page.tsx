import { StoryList } from "@parallax/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";

export const metadata: Metadata = { title: "Stories" };

const PAGE_SIZE = 30;

export default async function StoriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { before } = await searchParams;
  // A cursor this list did not give (hand-edited URL) means the first page, not an error.
  const cursor = typeof before === "string" && /^\d{1,18}$/.test(before) ? before : null;
  const caller = await getCaller();
  const page = await caller.story.list({ limit: PAGE_SIZE, cursor }).catch((error: unknown) => {
    if (isUnavailable(error)) return null;
    throw error;
  });

  return (
    <>
      <h1 className="page-title">Stories</h1>
      <p className="lede">
        Articles about the same events, grouped as they arrive, most recently changed first. Each story has a
        briefing built from its articles, citing them paragraph by paragraph.
      </p>
      {!page ? (
        <Unavailable />
      ) : page.items.length === 0 ? (
        <div className="empty-state">
          <p>{cursor ? "No older stories." : "No stories yet."}</p>
          <p>
            Stories form once submitted articles are processed. <Link href="/submit">Submit an article</Link>.
          </p>
        </div>
      ) : (
        <StoryList stories={page.items} Link={Link} />
      )}
      {page && (cursor || page.nextCursor) ? (
        <nav className="pagination" aria-label="Pages">
          {cursor ? <Link href="/stories">Most recent</Link> : <span />}
          {page.nextCursor ? (
            <Link href={`/stories?before=${encodeURIComponent(page.nextCursor)}`}>Older stories</Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
