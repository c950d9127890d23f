import {
  AliasList,
  EntityQuotes,
  EntityStories,
  formatCount,
  formatDate,
  MentionsChart,
  OutletNaming,
  UNTITLED,
} from "@parallax/ui";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";

type Props = { params: Promise<{ slug: string }> };

// As entity slugs are written (`slugify` in @parallax/core): anything else cannot be an entity.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const typeNames: Record<string, string> = {
  person: "Person",
  organization: "Organisation",
  place: "Place",
  event: "Event",
  law: "Law or agreement",
};

/** "missing" for an unknown or malformed slug, both a 404. Cached so metadata and page share one query. */
const loadEntity = cache(async (slug: string) => {
  if (!SLUG.test(slug) || slug.length > 200) return "missing" as const;
  const caller = await getCaller();
  try {
    return await caller.entity.bySlug({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return "missing" as const;
    if (isUnavailable(error)) return "unavailable" as const;
    throw error;
  }
});

const STORY_LIMIT = 50;

const feedHref = (slug: string, format: "atom" | "json") => `/feeds/entities/${slug}.${format}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const entity = await loadEntity((await params).slug);
  if (entity === "missing") return { title: "Not found" };
  if (entity === "unavailable") return { title: "Unavailable" };
  return {
    title: entity.name,
    description: entity.description ?? `${entity.name} across the stories Parallax holds`,
    alternates: {
      types: {
        "application/atom+xml": [{ url: feedHref(entity.slug, "atom"), title: `${entity.name} (Atom)` }],
        "application/feed+json": [
          { url: feedHref(entity.slug, "json"), title: `${entity.name} (JSON Feed)` },
        ],
      },
    },
  };
}

export default async function EntityPage({ params }: Props) {
  const { slug } = await params;
  const entity = await loadEntity(slug);
  if (entity === "missing") notFound();
  if (entity === "unavailable") return <Unavailable />;

  const caller = await getCaller();
  let parts: Awaited<ReturnType<typeof loadParts>>;
  try {
    parts = await loadParts(caller, entity.slug);
  } catch (error) {
    if (isUnavailable(error)) return <Unavailable />;
    throw error;
  }
  const { timeline, stories, quotes, naming } = parts;
  const type = typeNames[entity.type] ?? entity.type;

  return (
    <article className="entity">
      <header className="ent-header">
        <p className="ent-kicker">
          {type}
          {entity.placeKind ? `, ${entity.placeKind}` : ""}
        </p>
        <h1 className="page-title">{entity.name}</h1>
        {entity.description ? <p className="lede">{entity.description}</p> : null}
        <p className="ent-meta">
          <span>{formatCount(entity.mentionCount, "mention")}</span>
          <span>in {formatCount(entity.articleCount, "article")}</span>
          <span>
            {stories.length >= STORY_LIMIT
              ? `${STORY_LIMIT} or more stories`
              : formatCount(stories.length, "story", "stories")}
          </span>
          <span className="ent-feeds">
            Follow: <a href={feedHref(entity.slug, "atom")}>Atom feed</a>{" "}
            <a href={feedHref(entity.slug, "json")}>JSON Feed</a>
          </span>
        </p>
      </header>

      <section aria-labelledby="aliases-title" className="ent-section">
        <h2 id="aliases-title">Also called</h2>
        <AliasList aliases={entity.aliases} />
      </section>

      <section aria-labelledby="timeline-title" className="ent-section">
        <h2 id="timeline-title">Mentions over time</h2>
        <MentionsChart name={entity.name} bucket={timeline.bucket} points={timeline.points} />
        <p className="ent-note">
          Articles without a publication date count on the day Parallax received them.
        </p>
      </section>

      <section aria-labelledby="stories-title" className="ent-section">
        <h2 id="stories-title">Stories</h2>
        <EntityStories stories={stories} Link={Link} />
      </section>

      <section aria-labelledby="quotes-by-title" className="ent-section">
        <h2 id="quotes-by-title">Quotes by {entity.name}</h2>
        <EntityQuotes quotes={quotes.by} showSpeaker={false} empty="No quote is attributed to it yet." />
      </section>

      <section aria-labelledby="quotes-about-title" className="ent-section">
        <h2 id="quotes-about-title">Quotes about {entity.name}</h2>
        <p className="ent-note">
          What others said in the paragraphs that name it; quotes naming it come first.
        </p>
        <EntityQuotes quotes={quotes.about} showSpeaker empty="No one is quoted about it yet." />
      </section>

      <section aria-labelledby="naming-title" className="ent-section">
        <h2 id="naming-title">How each outlet names it</h2>
        <OutletNaming outlets={naming} />
      </section>

      <section aria-labelledby="articles-title" className="ent-section">
        <h2 id="articles-title">Latest articles naming it</h2>
        {entity.articles.length === 0 ? (
          <p className="ent-empty">No article names it.</p>
        ) : (
          <ul className="ent-list">
            {entity.articles.slice(0, 20).map((a) => {
              const date = formatDate(a.publishedAt);
              return (
                <li key={a.id} className="ent-list-item">
                  <Link href={`/articles/${a.id}`}>{a.title ?? UNTITLED}</Link>
                  <span className="ent-meta">
                    {a.siteName ? <span>{a.siteName}</span> : null}
                    {date && a.publishedAt ? <time dateTime={a.publishedAt}>{date}</time> : null}
                    <span>{formatCount(a.mentions, "mention")}</span>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
}

function loadParts(caller: Awaited<ReturnType<typeof getCaller>>, slug: string) {
  return Promise.all([
    caller.entity.timeline({ slug }),
    caller.entity.stories({ slug, limit: STORY_LIMIT }),
    caller.entity.quotes({ slug, limit: 20 }),
    caller.entity.naming({ slug }),
  ]).then(([timeline, stories, quotes, naming]) => ({ timeline, stories, quotes, naming }));
}
