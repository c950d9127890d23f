import { zArticleId } from "@parallax/core";
import { BriefingView, Citations, UNTITLED } from "@parallax/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { loadFailure } from "~/server/errors";

type Props = { params: Promise<{ id: string }> };

/** The article and its briefing, built on request; "missing" for an unknown or malformed id. */
const load = cache(async (id: string) => {
  if (!zArticleId.safeParse(id).success) return "missing" as const;
  const caller = await getCaller();
  try {
    const article = await caller.article.byId({ id });
    const [briefing, placed] = await Promise.all([
      caller.article.briefing({ id }),
      caller.article.story({ id }),
    ]);
    return { article, briefing, storyId: placed?.storyId ?? null };
  } catch (error) {
    return loadFailure(error);
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).id);
  if (loaded === "missing") return { title: "Not found" };
  if (loaded === "unavailable") return { title: "Unavailable" };
  return { title: `Briefing: ${loaded.article.title ?? UNTITLED}` };
}

export default async function ArticleBriefingPage({ params }: Props) {
  const loaded = await load((await params).id);
  if (loaded === "missing") notFound();
  if (loaded === "unavailable") return <Unavailable />;
  const { article, briefing, storyId } = loaded;
  const headline = briefing?.headline ?? null;

  return (
    <article className="story">
      <header className="article-header">
        <p className="kicker">Briefing of one article</p>
        <h1>{headline?.text ?? article.title ?? UNTITLED}</h1>
        {headline ? (
          <p className="meta">
            Headline from <Citations citations={headline.citations} />
          </p>
        ) : null}
        <nav aria-label="Related" className="article-related">
          <ul>
            <li>
              <Link href={`/articles/${article.id}`}>Read the article</Link>
            </li>
            {storyId ? (
              <li>
                <Link href={`/stories/${storyId}`}>Its story and briefing</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      <section aria-labelledby="briefing-title" className="story-section">
        <h2 id="briefing-title">Briefing</h2>
        {briefing ? (
          <BriefingView briefing={briefing} />
        ) : (
          <p className="notice">
            This article has no briefing yet: it is briefed once it has been processed and enriched.
          </p>
        )}
      </section>
    </article>
  );
}
