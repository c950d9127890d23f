import { Parser } from "htmlparser2";
import { zFeedUrl } from "./schemas";

export interface DiscoveredFeed {
  url: string;
  title: string | null;
  /** `link` when the page names it; `guess` for a common path still to be probed. */
  via: "link" | "guess";
}

const FEED_TYPES = /^application\/(rss\+xml|atom\+xml|feed\+json|rdf\+xml|json)\b/i;
/** Where sites usually put their feed when their pages do not say. */
export const COMMON_FEED_PATHS = [
  "/feed",
  "/rss",
  "/atom.xml",
  "/feed.xml",
  "/rss.xml",
  "/index.xml",
  "/feed.json",
];

/**
 * Feeds a page declares with `<link rel="alternate" type="…">`, resolved against its `<base href>` or URL, then
 * the common paths on its origin (to be probed by the caller).
 */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  // A page address that is not a URL resolves nothing, but absolute links still count.
  const pageBase = URL.canParse(pageUrl) ? pageUrl : undefined;
  let base = pageBase;
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  const add = (href: string, title: string | null, via: DiscoveredFeed["via"]) => {
    let url: string;
    try {
      url = new URL(href.trim(), base).toString();
    } catch {
      return;
    }
    if (!zFeedUrl.safeParse(url).success || seen.has(url)) return;
    seen.add(url);
    found.push({ url, title, via });
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "base" && attrs.href) {
          try {
            base = new URL(attrs.href, pageBase).toString();
          } catch {}
        }
        if (name !== "link" || !attrs.href) return;
        const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
        if (rel.includes("alternate") && FEED_TYPES.test(attrs.type ?? ""))
          add(attrs.href, attrs.title?.trim() || null, "link");
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  // The links live in <head>; a huge page need not be read to its end.
  parser.write(html.slice(0, 1_000_000));
  parser.end();
  // Nor has it an origin to guess paths on (neither has a data: or file: URL).
  const origin = pageBase ? new URL(pageBase).origin : "null";
  if (origin !== "null")
    for (const path of COMMON_FEED_PATHS) add(new URL(path, origin).toString(), null, "guess");
  return found;
}
