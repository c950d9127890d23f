import { zArticleId } from "@parallax/core";
import { RevisionDiffView, UNTITLED } from "@parallax/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { loadFailure } from "~/server/errors";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const revisionNumber = (value: string | string[] | undefined): number | null => {
  if (typeof value !== "string" || !/^[1-9][0-9]{0,8}$/.test(value)) return null;
  return Number(value);
};

/** The article and its revisions; "missing" for an unknown or malformed id. */
const load = cache(async (id: string) => {
  if (!zArticleId.safeParse(id).success) return "missing" as const;
  const caller = await getCaller();
  try {
    const [article, revisions] = await Promise.all([
      caller.article.byId({ id }),
      caller.article.revisions({ id }),
    ]);
    return { article, revisions };
  } catch (error) {
    return loadFailure(error);
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).id);
  if (loaded === "missing") return { title: "Not found" };
  if (loaded === "unavailable") return { title: "Unavailable" };
  return { title: `Revisions: ${loaded.article.title ?? UNTITLED}` };
}

export default async function ArticleRevisionsPage({ params, searchParams }: Props) {
  const loaded = await load((await params).id);
  if (loaded === "missing") notFound();
  if (loaded === "unavailable") return <Unavailable />;
  const { article, revisions } = loaded;
  const query = await searchParams;
  const latest = revisions.at(-1)?.revision ?? null;
  // Without a choice: the latest revision against the one before.
  const to = revisionNumber(query.to) ?? latest;
  const from = revisionNumber(query.from) ?? (to !== null && to > 1 ? to - 1 : null);
  const known = new Set(revisions.map((r) => r.revision));

  let problem: string | null = null;
  let diff = null;
  if (revisions.length < 2)
    problem = "This article has only one revision: its text has not changed since it was stored.";
  else if (query.from !== undefined && revisionNumber(query.from) === null)
    problem = `“from” must be a revision number; got ${JSON.stringify(query.from)}.`;
  else if (query.to !== undefined && revisionNumber(query.to) === null)
    problem = `“to” must be a revision number; got ${JSON.stringify(query.to)}.`;
  else if (from === null || to === null || !known.has(from) || !known.has(to))
    problem = `This article has revisions 1 to ${latest}; there is no revision ${from !== null && !known.has(from) ? from : to}.`;
  else if (from === to) problem = "Choose two different revisions to compare.";
  else diff = await getCaller().then((caller) => caller.article.revisionDiff({ id: article.id, from, to }));

  return (
    <article className="article">
      <header className="article-header">
        <p className="kicker">Revisions</p>
        <h1>{article.title ?? UNTITLED}</h1>
        <nav aria-label="Related" className="article-related">
          <ul>
            <li>
              <Link href={`/articles/${article.id}`}>Read the article (revision {latest ?? "–"})</Link>
            </li>
          </ul>
        </nav>
      </header>
      {revisions.length >= 2 ? (
        <form className="revision-pick" method="get" aria-label="Choose revisions to compare">
          <label>
            From revision
            <select name="from" defaultValue={from ?? undefined}>
              {revisions.map((r) => (
                <option key={r.revision} value={r.revision}>
                  {r.revision}
                </option>
              ))}
            </select>
          </label>
          <label>
            To revision
            <select name="to" defaultValue={to ?? undefined}>
              {revisions.map((r) => (
                <option key={r.revision} value={r.revision}>
                  {r.revision}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Compare</button>
        </form>
      ) : null}
      {problem ? (
        <p className="notice notice-warn" role="status">
          {problem}
        </p>
      ) : diff ? (
        <RevisionDiffView diff={diff.diff} from={diff.from.revision} to={diff.to.revision} />
      ) : null}
    </article>
  );
}
