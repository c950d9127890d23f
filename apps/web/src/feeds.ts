import type { Briefing, Citation } from "@parallax/core";
import { Feed } from "feed";
import { z } from "zod";
import { sanitizeFeedHtml } from "./feed-html";

/** One story's entry: its latest briefing and what a reader needs to see that it changed. */
export interface FeedStory {
  storyId: string;
  version: number;
  builtAt: string;
  firstBuiltAt: string;
  articleCount: number;
  briefing: Briefing;
}

export interface FeedDescription {
  /** The request's origin (`https://parallax.example`): feeds carry absolute URLs only. */
  origin: string;
  title: string;
  description: string;
  /** The page the feed follows (`/`, `/entities/shigeru-ishiba`). */
  pagePath: string;
  /** The feed's own address without its extension (`/feeds/stories`): `.atom` and `.json` are added. */
  feedPath: string;
  /** The feed's `updated` when it has no entries (Atom requires one). */
  now?: Date;
  /** One entry per briefing version (a single story's feed) rather than one per story. */
  perVersion?: boolean;
  /** A query the feed's own links keep (`?story=<id>`). */
  feedQuery?: string;
}

const UNTITLED_STORY = "Untitled story";
const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

// Characters XML 1.0 cannot carry at all, escaped or not (C0 controls but tab and newlines, lone surrogates,
// U+FFFE/U+FFFF): text from scraped pages may hold them, and one would make the whole feed unreadable.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Text as HTML: markup in a headline is shown, never run. Also keeps `]]>` out of the feed's CDATA. */
export function escapeHtml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function citationLinks(origin: string, citations: readonly Citation[]): string {
  return citations
    .map((c) => {
      const href = `${origin}/articles/${encodeURIComponent(c.articleId)}#p-${c.paragraph}`;
      return `<a href="${escapeHtml(href)}">[${escapeHtml(c.source)} ¶${c.paragraph}]</a>`;
    })
    .join(" ");
}

export function storyTitle(story: FeedStory): string {
  return story.briefing.headline?.text ?? story.briefing.sources[0]?.title ?? UNTITLED_STORY;
}

function summary(story: FeedStory): string {
  const articles = `${story.articleCount} article${story.articleCount === 1 ? "" : "s"}`;
  return `Briefing version ${story.version}, built ${dateTime.format(new Date(story.builtAt))} UTC, from ${articles}.`;
}

/** The entry's body: the key points with their citations linked, the sources, and a link to the story. */
export function storyContentHtml(origin: string, story: FeedStory): string {
  const { briefing } = story;
  const parts = [`<p>${escapeHtml(summary(story))}</p>`];
  if (briefing.keyPoints.length > 0) {
    const points = briefing.keyPoints.map((point) => {
      const text = point.sentences
        .map((s) => `${escapeHtml(s.text)} ${citationLinks(origin, s.citations)}`)
        .join(" ");
      const genre = point.genre === "news" ? "" : ` <em>(${escapeHtml(point.genre)})</em>`;
      return `<li>${text}${genre}</li>`;
    });
    parts.push(`<h2>Key points</h2><ol>${points.join("")}</ol>`);
  }
  if (briefing.sources.length > 0) {
    const labels = briefing.sources.map((s) => escapeHtml(s.label)).join(", ");
    parts.push(`<p>Sources: ${labels}.</p>`);
  }
  const href = `${origin}/stories/${encodeURIComponent(story.storyId)}`;
  parts.push(`<p><a href="${escapeHtml(href)}">Read the full briefing</a></p>`);
  return parts.join("\n");
}

function buildFeed(meta: FeedDescription, stories: readonly FeedStory[], format: "atom" | "json"): Feed {
  // Atom's title is declared as HTML, so it is escaped there; a JSON Feed title is plain text.
  const asTitle = format === "atom" ? escapeHtml : (text: string) => text;
  const updated = stories.reduce<Date | null>((latest, s) => {
    const built = new Date(s.builtAt);
    return latest && latest > built ? latest : built;
  }, null);
  const feed = new Feed({
    id: `${meta.origin}${meta.feedPath}${meta.feedQuery ?? ""}`,
    title: xmlSafe(meta.title),
    description: xmlSafe(meta.description),
    link: `${meta.origin}${meta.pagePath}`,
    updated: updated ?? meta.now ?? new Date(),
    generator: "Parallax",
    language: "en",
    feedLinks: {
      atom: `${meta.origin}${meta.feedPath}.atom${meta.feedQuery ?? ""}`,
      json: `${meta.origin}${meta.feedPath}.json${meta.feedQuery ?? ""}`,
    },
    author: { name: "Parallax", link: meta.origin },
    copyright: "Quoted text belongs to the cited outlets",
  });
  for (const story of stories) {
    feed.addItem({
      // A URN, not the page's URL: the entry stays the same when the server moves.
      id: meta.perVersion
        ? `urn:parallax:story:${story.storyId}:version:${story.version}`
        : `urn:uuid:${story.storyId}`,
      title: asTitle(storyTitle(story)),
      link: `${meta.origin}/stories/${encodeURIComponent(story.storyId)}${meta.perVersion ? `?version=${story.version}` : ""}`,
      date: new Date(story.builtAt),
      published: new Date(story.firstBuiltAt),
      description: format === "atom" ? escapeHtml(summary(story)) : summary(story),
      content: sanitizeFeedHtml(storyContentHtml(meta.origin, story)),
      extensions: [
        { name: "_parallax", objects: { version: story.version, articleCount: story.articleCount } },
      ],
    });
  }
  return feed;
}

/** The stories as an Atom 1.0 document. */
export function atomFeed(meta: FeedDescription, stories: readonly FeedStory[]): string {
  return buildFeed(meta, stories, "atom").atom1();
}

/**
 * The stories as JSON Feed 1.1. The `feed` package writes version 1; 1.1 renames the author to `authors` and
 * adds `language`, the only differences that touch what is written here.
 */
export function jsonFeed(meta: FeedDescription, stories: readonly FeedStory[]): string {
  const document = JSON.parse(buildFeed(meta, stories, "json").json1()) as Record<string, unknown>;
  const { author, ...rest } = document;
  return JSON.stringify(
    { ...rest, version: "https://jsonfeed.org/version/1.1", language: "en", authors: author ? [author] : [] },
    null,
    2,
  );
}

export const FEED_TYPES = {
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
} as const;

export type FeedFormat = "atom" | "json";

/** `<slug>.atom` or `<slug>.json`, the slug as entity slugs are written. */
export const zEntityFeedFile = z
  .string()
  .regex(/^([a-z0-9]+(?:-[a-z0-9]+)*)\.(atom|json)$/)
  .max(205)
  .transform((file) => {
    const dot = file.lastIndexOf(".");
    return { slug: file.slice(0, dot), format: file.slice(dot + 1) as FeedFormat };
  });
