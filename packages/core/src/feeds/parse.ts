import { parseFeed as parseAnyFeed } from "feedsmith";
import { type FeedItem, type ParsedFeed, zFeedUrl } from "./schemas";

/** Feeds larger than this are refused; a real feed is rarely over a few hundred kilobytes. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
/** Only the newest items count: a feed that lists ten thousand entries is read from its top. */
export const MAX_FEED_ITEMS = 500;
const MAX_SUMMARY_CHARS = 20_000;

export class FeedParseError extends Error {
  override name = "FeedParseError";
}

/**
 * Bytes → normalized items. Refuses, with a message naming the problem, what is empty, too large, binary, not a
 * feed, or declares XML entities (the "billion laughs" shape; no real feed needs a DTD).
 */
export function parseFeedBytes(bytes: Uint8Array, baseUrl: string): ParsedFeed {
  if (bytes.byteLength === 0) throw new FeedParseError("the feed is empty");
  if (bytes.byteLength > MAX_FEED_BYTES)
    throw new FeedParseError(`the feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
  const head = bytes.subarray(0, 1024);
  if (head.includes(0)) throw new FeedParseError("the feed is binary data, not XML or JSON");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new FeedParseError("the feed is empty");
  if (/<!DOCTYPE[^>]*\[/i.test(text.slice(0, 4096)) || /<!ENTITY/i.test(text))
    throw new FeedParseError("the feed declares XML entities, which Parallax refuses to expand");

  let parsed: ReturnType<typeof parseAnyFeed>;
  try {
    parsed = parseAnyFeed(text);
  } catch (error) {
    const looksHtml = /^\s*(<!doctype html|<html)/i.test(text);
    throw new FeedParseError(
      looksHtml
        ? "this is an HTML page, not a feed (try discovery on it)"
        : `not an RSS, Atom, RDF or JSON feed (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  // feedsmith types every field as optional; read them defensively.
  // biome-ignore lint/suspicious/noExplicitAny: the four feed shapes differ; each branch reads its own fields.
  const feed = parsed.feed as any;
  switch (parsed.format) {
    case "rss":
      return {
        format: "rss",
        title: textOf(feed.title),
        siteUrl: absolute(feed.link, baseUrl),
        ttlMinutes: typeof feed.ttl === "number" && feed.ttl > 0 ? feed.ttl : null,
        items: collect(feed.items, baseUrl, (item) => ({
          guid: textOf(item.guid?.value),
          url: item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined),
          title: item.title,
          summary: item.description ?? item.content?.encoded,
          date: item.pubDate ?? item.dc?.dates?.[0],
        })),
      };
    case "atom": {
      const alternate = (links: { href?: string; rel?: string }[] | undefined) =>
        links?.find((l) => !l.rel || l.rel === "alternate")?.href;
      return {
        format: "atom",
        title: textOf(feed.title),
        siteUrl: absolute(alternate(feed.links), baseUrl),
        ttlMinutes: null,
        items: collect(feed.entries, baseUrl, (entry) => ({
          guid: entry.id,
          url: alternate(entry.links),
          title: entry.title,
          summary: entry.summary ?? entry.content,
          date: entry.published ?? entry.updated,
        })),
      };
    }
    case "json":
      return {
        format: "json",
        title: textOf(feed.title),
        siteUrl: absolute(feed.home_page_url, baseUrl),
        ttlMinutes: null,
        items: collect(feed.items, baseUrl, (item) => ({
          guid: item.id,
          url: item.url ?? item.external_url,
          title: item.title,
          summary: item.summary ?? item.content_text ?? item.content_html,
          date: item.date_published ?? item.date_modified,
        })),
      };
    case "rdf":
      return {
        format: "rdf",
        title: textOf(feed.title),
        siteUrl: absolute(feed.link, baseUrl),
        ttlMinutes: null,
        items: collect(feed.items, baseUrl, (item) => ({
          guid: item.rdf?.about,
          url: item.link,
          title: item.title,
          summary: item.description,
          date: item.dc?.dates?.[0] ?? item.dc?.date,
        })),
      };
    default:
      throw new FeedParseError("unsupported feed format");
  }
}

interface RawItem {
  guid: unknown;
  url: unknown;
  title: unknown;
  summary: unknown;
  date: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: see parseFeedBytes.
function collect(items: any[] | undefined, baseUrl: string, read: (item: any) => RawItem): FeedItem[] {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const item of (Array.isArray(items) ? items : []).slice(0, MAX_FEED_ITEMS)) {
    const raw = read(item ?? {});
    // An item without a link to fetch cannot become an article.
    const url = absolute(raw.url, baseUrl);
    if (!url) continue;
    const guid = (textOf(raw.guid) ?? url).slice(0, 2048);
    if (seen.has(guid)) continue;
    seen.add(guid);
    const summary = textOf(raw.summary);
    out.push({
      guid,
      url,
      title: textOf(raw.title)?.slice(0, 500) ?? null,
      summary: summary ? htmlToText(summary).slice(0, MAX_SUMMARY_CHARS) || null : null,
      publishedAt: dateOf(raw.date),
    });
  }
  return out;
}

function textOf(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number") return String(value);
  if (value && typeof value === "object" && "value" in value)
    return textOf((value as { value: unknown }).value);
  return null;
}

function absolute(value: unknown, baseUrl: string): string | null {
  const text = textOf(value);
  if (!text) return null;
  try {
    const url = new URL(text, baseUrl).toString();
    return zFeedUrl.safeParse(url).success ? url : null;
  } catch {
    return null;
  }
}

function dateOf(value: unknown): Date | null {
  const text = textOf(value);
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * Script and style elements cut out in one pass. The obvious `/<(script|style)[\s\S]*?<\/\1>/` rescans the
 * rest of the text for every unclosed `<script`, which made a 3 MB summary of them take most of a minute.
 */
function dropScripts(html: string): string {
  const open = /<(script|style)/gi;
  const unclosed = new Set<string>();
  let out = "";
  let from = 0;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    const name = match[1]!.toLowerCase();
    if (unclosed.has(name)) continue;
    const close = new RegExp(`</${name}>`, "gi");
    close.lastIndex = match.index + match[0].length;
    const end = close.exec(html);
    // No closing tag after this one means none after any later one either: the tag is left to the tag stripper.
    if (!end) {
      unclosed.add(name);
      continue;
    }
    out += `${html.slice(from, match.index)} `;
    from = open.lastIndex = end.index + end[0].length;
  }
  return out + html.slice(from);
}

/** Tags to spaces; text after the last `>` has no tag to end, and testing each `<` there was quadratic. */
function dropTags(html: string): string {
  const end = html.lastIndexOf(">") + 1;
  return html.slice(0, end).replace(/<[^>]*>/g, " ") + html.slice(end);
}

/** Feed summaries are often HTML; the fallback article wants their words, one paragraph per block. */
export function htmlToText(html: string): string {
  return dropTags(dropScripts(html).replace(/<\/(p|div|li|h[1-6]|blockquote)>|<br\s*\/?>/gi, "\n\n"))
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code =
          name[1]?.toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split(/\n{2,}/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}
