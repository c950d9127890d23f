import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { SourcesTable } from "~/components/sources-table";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";

export const metadata: Metadata = { title: "Sources" };

// A page number this list did not give (hand-edited URL) means the first page, not an error.
const zPage = z.coerce.number().int().min(1).max(100_000).catch(1);

export default async function SourcesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { page: pageParam } = await searchParams;
  const page = zPage.parse(typeof pageParam === "string" ? pageParam : 1);
  const caller = await getCaller();
  const list = await caller.source.list({ page }).catch((error: unknown) => {
    if (isUnavailable(error)) return null;
    throw error;
  });
  const lastPage = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;

  return (
    <>
      <h1 className="page-title">Sources</h1>
      <p className="lede">
        The outlets whose articles Parallax holds. Comparisons group articles by an outlet’s country, and an
        article in one of its outlet’s opinion sections is treated as opinion in briefings and comparisons.
      </p>
      {!list ? (
        <Unavailable />
      ) : list.items.length === 0 ? (
        <div className="empty-state">
          <p>{page > 1 ? "No more outlets." : "No outlets yet."}</p>
          <p>
            Outlets appear as their articles are processed. <Link href="/submit">Submit an article</Link>.
          </p>
        </div>
      ) : (
        <SourcesTable key={page} initial={list.items} />
      )}
      {list && lastPage > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {page > 1 ? <Link href={`/sources?page=${page - 1}`}>Previous outlets</Link> : <span />}
          {page < lastPage ? <Link href={`/sources?page=${page + 1}`}>More outlets</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
