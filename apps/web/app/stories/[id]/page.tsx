import type { RouterOutputs } from "@parallax/api";
import {
  BriefingDiffView,
  BriefingView,
  StaleBriefingNotice,
  Citations,
  formatCount,
  formatDateTime,
  StoryDates,
  UNTITLED,
} from "@parallax/ui";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { BriefingPending } from "~/components/briefing-refresh";
import { CitationChip } from "~/components/citation-chip";
import { StoryArticles } from "~/components/story-articles";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { isUnavailable, loadFailure } from "~/server/errors";
import { cachedStoryPage } from "~/server/page-data";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Articles listed on the page unless all are asked for (`?articles=all`, up to the 500 `story.byId` gives): each
 * row carries its move and split controls, and a story of a thousand wire copies made a page of a megabyte.
 */
const ARTICLES_SHOWN = 50;
const ARTICLES_AT_MOST = 500;

type BriefingResult = RouterOutputs["story"]["briefing"] | "missing-version" | "unreadable";
type Caller = Awaited<ReturnType<typeof getCaller>>;

async function readBriefing(
  caller: Caller,
  id: string,
  version: number | undefined,
): Promise<BriefingResult> {
  try {
    return await caller.story.briefing({ id, ...(version !== undefined ? { version } : {}) });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return "missing-version";
    if (isUnavailable(error) || !(error instanceof TRPCError) || error.code !== "INTERNAL_SERVER_ERROR")
      throw error;
    // A stored briefing this version of Parallax cannot read: the rest of the page still can be.
    return "unreadable";
  }
}

/** The story, its latest briefing, merge record and stale marks: what every reader of the page sees. */
async function readStoryPage(caller: Caller, id: string) {
  const story = await caller.story.byId({ id, articleLimit: ARTICLES_SHOWN });
  const [briefing, merges, stalePoints] = await Promise.all([
    readBriefing(caller, story.id, undefined),
    caller.story.merges({ id: story.id }),
    // Marks only ever help: a failure to read them leaves the briefing as it is.
    caller.story.staleBriefingPoints({ id: story.id }).catch(() => []),
  ]);
  return { story, briefing, merges, stalePoints };
}

/** "missing" for an unknown or malformed id, both a 404. Cached so metadata and page share one read. */
const loadStoryPage = cache(async (id: string) => {
  if (!UUID.test(id)) return "missing" as const;
  const caller = await getCaller();
  try {
    return await cachedStoryPage(id, () => readStoryPage(caller, id));
  } catch (error) {
    return loadFailure(error);
  }
});

/** The story's own Atom feed: the site feed narrowed to it. */
const storyFeedHref = (id: string) => `/feeds/stories.atom?story=${id}`;

function versionParam(value: string | string[] | undefined): number | undefined {
  if (typeof value !== "string" || !/^[1-9]\d{0,8}$/.test(value)) return undefined;
  return Number(value);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadStoryPage((await params).id);
  if (loaded === "missing") return { title: "Not found" };
  if (loaded === "unavailable") return { title: "Unavailable" };
  const { story } = loaded;
  return {
    title: story.title ?? "Story",
    alternates: {
      types: {
        "application/atom+xml": [{ url: storyFeedHref(story.id), title: "Updates to this story" }],
        "application/json": [{ url: `/stories/${story.id}/briefing.json`, title: "Briefing as JSON" }],
        "text/markdown": [{ url: `/stories/${story.id}/briefing.md`, title: "Briefing as Markdown" }],
      },
    },
  };
}

export default async function StoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const loaded = await loadStoryPage(id);
  if (loaded === "missing") notFound();
  if (loaded === "unavailable") return <Unavailable />;
  const { story, merges, stalePoints } = loaded;
  // A merged story's link still works: it leads to the story it is part of now.
  if (story.redirectedFrom) redirect(`/stories/${story.id}`);

  const query = await searchParams;
  const requested = versionParam(query.version);
  const briefing =
    requested === undefined ? loaded.briefing : await readBriefing(await getCaller(), story.id, requested);
  if (briefing === "missing-version") notFound();
  const built = briefing === "unreadable" ? null : briefing;
  const headline = built?.briefing?.headline ?? null;
  const latest = built?.versions[0]?.version ?? null;
  const listed =
    query.articles === "all" && story.articles.length < story.articleCount
      ? (await (await getCaller()).story.byId({ id: story.id, articleLimit: ARTICLES_AT_MOST })).articles
      : story.articles;
  const sources =
    listed.length < story.articleCount
      ? story.sourceCount
      : new Set(listed.map((a) => a.source?.id ?? a.id)).size;

  return (
    <article className="story">
      <header className="article-header">
        <p className="kicker">Story</p>
        <h1>{headline?.text ?? story.title ?? UNTITLED}</h1>
        {headline ? (
          <p className="meta">
            Headline from <Citations citations={headline.citations} Cite={CitationChip} />
          </p>
        ) : null}
        <p className="meta">
          <span>{formatCount(story.articleCount, "article")}</span>
          <span>{formatCount(sources, "source")}</span>
          <StoryDates firstAt={story.firstAt} lastAt={story.lastAt} />
        </p>
        <div className="story-actions">
          <Link className="story-compare-link" href={`/stories/${story.id}/compare`}>
            Compare how outlets cover this
          </Link>
          <ul className="story-exports" aria-label="Export and follow">
            <li>
              <a
                href={`/stories/${story.id}/briefing.md${built?.version && built.version !== latest ? `?version=${built.version}` : ""}`}
              >
                Briefing as Markdown
              </a>
            </li>
            <li>
              <a
                href={`/stories/${story.id}/briefing.json${built?.version && built.version !== latest ? `?version=${built.version}` : ""}`}
              >
                Briefing as JSON
              </a>
            </li>
            <li>
              <a href={storyFeedHref(story.id)}>Atom feed of this story</a>
            </li>
          </ul>
        </div>
      </header>

      <section aria-labelledby="briefing-title" className="story-section">
        <h2 id="briefing-title">Briefing</h2>
        {briefing === "unreadable" ? (
          <p className="notice notice-warn">
            The stored briefing could not be read by this version of Parallax; it is rebuilt at the story’s
            next change.
          </p>
        ) : !built?.briefing || built.version === null ? (
          <BriefingPending storyId={story.id} />
        ) : (
          <>
            <p className="meta briefing-version">
              <span>Version {built.version}</span>
              {built.builtAt ? (
                <span>
                  built <time dateTime={built.builtAt}>{formatDateTime(built.builtAt)}</time>
                </span>
              ) : null}
              {built.previousVersion !== null ? <a href="#what-changed">what changed</a> : null}
            </p>
            {built.version !== latest && latest !== null ? (
              <p className="notice notice-warn">
                You are reading version {built.version} of {latest}.{" "}
                <Link href={`/stories/${story.id}`}>Read the latest briefing</Link>
              </p>
            ) : null}
            {built.version === latest ? <StaleBriefingNotice points={stalePoints} /> : null}
            <BriefingView
              briefing={built.briefing}
              newKeyPoints={new Set(built.diff?.keyPoints.added.map((p) => p.n) ?? [])}
              Cite={CitationChip}
            />
            <section aria-labelledby="what-changed" className="story-subsection">
              <h3 id="what-changed">
                What changed
                {built.previousVersion !== null ? ` since version ${built.previousVersion}` : ""}
              </h3>
              {built.previousVersion === null ? (
                <p className="muted">This is the first version of the briefing.</p>
              ) : built.diff ? (
                <BriefingDiffView diff={built.diff} previousVersion={built.previousVersion} />
              ) : (
                <p className="muted">Version {built.previousVersion} was built in an older format.</p>
              )}
              {built.versions.length > 1 ? (
                <nav aria-label="Briefing versions" className="versions">
                  <h4>All versions</h4>
                  <ol reversed>
                    {built.versions.map((v) => (
                      <li key={v.version}>
                        <Link
                          href={
                            v.version === latest
                              ? `/stories/${story.id}`
                              : `/stories/${story.id}?version=${v.version}`
                          }
                          aria-current={v.version === built.version ? "page" : undefined}
                        >
                          Version {v.version}
                        </Link>{" "}
                        <span className="muted">
                          built <time dateTime={v.builtAt}>{formatDateTime(v.builtAt)}</time>
                        </span>
                      </li>
                    ))}
                  </ol>
                </nav>
              ) : null}
            </section>
          </>
        )}
      </section>

      <section aria-labelledby="articles-title" className="story-section">
        <h2 id="articles-title">Articles in this story</h2>
        <StoryArticles
          key={story.id}
          storyId={story.id}
          briefingVersion={latest}
          arrivedByMove={query.moved === "1"}
          articles={listed.map((a) => ({
            id: a.id,
            title: a.title,
            sourceName: a.source?.name ?? null,
            publishedAt: a.publishedAt,
            pinned: a.pinned,
          }))}
        />
        {listed.length < story.articleCount ? (
          <p className="muted story-articles-more">
            The first {listed.length} of {story.articleCount} articles, earliest published first.{" "}
            {query.articles === "all" ? null : (
              <Link href={`/stories/${story.id}?articles=all`}>
                {story.articleCount > ARTICLES_AT_MOST ? `Show the first ${ARTICLES_AT_MOST}` : "Show all"}
              </Link>
            )}
          </p>
        ) : null}
        <p className="story-hint muted">
          This story’s id, for moving an article here from another story: <code>{story.id}</code>
        </p>
      </section>

      {merges.length > 0 ? (
        <section aria-labelledby="merges-title" className="story-section">
          <h2 id="merges-title">Merge record</h2>
          <ul className="briefing-list">
            {merges.map((m) => (
              <li key={`${m.fromId}-${m.createdAt}`}>
                {m.kind === "merge" ? "Merged in" : "Emptied into"}{" "}
                {m.intoId === story.id ? "this story" : <code>{m.intoId}</code>}: story{" "}
                <code>{m.fromId}</code>{" "}
                <span className="muted">
                  (<time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>)
                </span>
                <br />
                <span className="muted">{m.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
