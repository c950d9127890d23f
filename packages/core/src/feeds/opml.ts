import { generateOpml, parseOpml } from "feedsmith";
import { zFeedUrl } from "./schemas";

export interface OpmlFeed {
  url: string;
  title: string | null;
  siteUrl: string | null;
}

export const MAX_OPML_BYTES = 2 * 1024 * 1024;
/** More subscriptions than this in one file is not a reading list. */
export const MAX_OPML_FEEDS = 5_000;

export class OpmlError extends Error {
  override name = "OpmlError";
}

export interface OpmlImport {
  feeds: OpmlFeed[];
  /** Outlines that name no usable feed URL, with the reason, for the person importing. */
  skipped: { text: string; reason: string }[];
}

/** Every outline with an `xmlUrl`, at any depth (folders are flattened). */
export function parseOpmlFeeds(text: string): OpmlImport {
  if (text.trim() === "") throw new OpmlError("the OPML file is empty");
  if (Buffer.byteLength(text, "utf8") > MAX_OPML_BYTES)
    throw new OpmlError(`the OPML file is larger than ${MAX_OPML_BYTES / 1024 / 1024} MB`);
  if (text.slice(0, 1024).includes("\u0000")) throw new OpmlError("the file is binary data, not OPML");
  if (/<!ENTITY/i.test(text))
    throw new OpmlError("the OPML file declares XML entities, which Parallax refuses");
  let opml: ReturnType<typeof parseOpml>;
  try {
    opml = parseOpml(text);
  } catch (error) {
    throw new OpmlError(`not an OPML file (${error instanceof Error ? error.message : String(error)})`);
  }
  const result: OpmlImport = { feeds: [], skipped: [] };
  const seen = new Set<string>();
  type Outline = { text?: string; title?: string; xmlUrl?: string; htmlUrl?: string; outlines?: Outline[] };
  const walk = (outlines: Outline[] | undefined, depth: number) => {
    if (!Array.isArray(outlines) || depth > 20) return;
    for (const outline of outlines) {
      if (result.feeds.length >= MAX_OPML_FEEDS) return;
      const label = outline.title ?? outline.text ?? outline.xmlUrl ?? "(untitled)";
      if (outline.xmlUrl) {
        const url = zFeedUrl.safeParse(outline.xmlUrl.trim());
        if (!url.success)
          result.skipped.push({ text: label, reason: `${outline.xmlUrl} is not an http(s) URL` });
        else if (!seen.has(url.data)) {
          seen.add(url.data);
          const site = outline.htmlUrl ? zFeedUrl.safeParse(outline.htmlUrl.trim()) : null;
          result.feeds.push({
            url: url.data,
            title: (outline.title ?? outline.text)?.trim().slice(0, 500) || null,
            siteUrl: site?.success ? site.data : null,
          });
        }
      }
      walk(outline.outlines, depth + 1);
    }
  };
  walk(opml.body?.outlines as Outline[] | undefined, 0);
  if (result.feeds.length === 0 && result.skipped.length === 0)
    throw new OpmlError("the OPML file lists no feeds (no outline has an xmlUrl)");
  return result;
}

export function buildOpml(feeds: readonly OpmlFeed[], now: Date = new Date()): string {
  return generateOpml({
    head: { title: "Parallax subscriptions", dateCreated: now },
    body: {
      outlines: feeds.map((feed) => ({
        text: feed.title ?? feed.url,
        ...(feed.title ? { title: feed.title } : {}),
        type: "rss",
        xmlUrl: feed.url,
        ...(feed.siteUrl ? { htmlUrl: feed.siteUrl } : {}),
      })),
    },
  });
}
