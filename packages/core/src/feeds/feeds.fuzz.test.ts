import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adversarialFeed,
  adversarialHtml,
  adversarialUrl,
  binaryBytes,
  fuzzParams,
  mutated,
  timed,
} from "../__fuzz__/arbitraries";
import {
  discoverFeeds,
  FeedParseError,
  htmlToText,
  OpmlError,
  parseFeedBytes,
  parseOpmlFeeds,
  zFeedItem,
} from "./index";

const encoder = new TextEncoder();
const baseUrl = fc.oneof(fc.webUrl(), fc.constant("https://example.com/feed.xml"));

/** The feed's result, or its own error class with a message; anything else (a TypeError from inside) fails. */
function expected<T>(fn: () => T, errorClass: new (...args: never[]) => Error): T | Error {
  return timed(() => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof errorClass && error.message.trim() !== "") return error;
      throw error;
    }
  });
}

const SEED_FEEDS = [
  '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>https://example.com/</link><ttl>30</ttl><item><title>One</title><link>https://example.com/1</link><guid>1</guid><description>&lt;p&gt;First&lt;/p&gt;</description><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item><item><title>Two</title><link>/2</link></item></channel></rss>',
  '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><link href="https://example.com/"/><entry><id>urn:1</id><title>One</title><link href="https://example.com/1"/><updated>2026-03-03T10:00:00Z</updated><summary>Text</summary></entry></feed>',
  '{"version":"https://jsonfeed.org/version/1.1","title":"JSON","home_page_url":"https://example.com/","items":[{"id":"1","url":"https://example.com/1","title":"One","content_html":"<p>x</p>","date_published":"2026-03-03T10:00:00Z"}]}',
];

describe("parseFeedBytes under fuzzing", () => {
  it("returns valid items or a FeedParseError, deterministically, for adversarial feeds and bytes", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          adversarialFeed.map((text) => encoder.encode(text)),
          mutated(SEED_FEEDS).map((text) => encoder.encode(text)),
          binaryBytes,
          fc
            .constantFrom("\ufeff", "\ufeff\ufeff", "\u00ef\u00bb\u00bf")
            .chain((bom) => fc.constantFrom(...SEED_FEEDS).map((text) => encoder.encode(bom + text))),
        ),
        baseUrl,
        (bytes, base) => {
          const result = expected(() => parseFeedBytes(bytes, base), FeedParseError);
          if (result instanceof Error) return;
          for (const item of result.items) {
            const parsed = zFeedItem.safeParse(item);
            if (!parsed.success) throw new Error(`bad item ${JSON.stringify(item)}: ${parsed.error.message}`);
          }
          expect(result.ttlMinutes === null || result.ttlMinutes > 0).toBe(true);
          expect(parseFeedBytes(bytes, base)).toEqual(result);
        },
      ),
      fuzzParams(300),
    );
  }, 60_000);
});

describe("htmlToText under fuzzing", () => {
  it("stays within the time limit on summaries of thousands of unclosed or odd tags", () => {
    const piece = fc.constantFrom(
      "<script>",
      "<script x",
      "<style",
      "<p>",
      "</div><br/>",
      "<",
      "&#x",
      "&amp",
      "a ",
      "\n\n",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1_000, max: 100_000 }),
        (pieces, n) => {
          const text = timed(() => htmlToText(pieces.join("").repeat(n)));
          expect(text).not.toMatch(/\n{3}/);
        },
      ),
      fuzzParams(30),
    );
  }, 60_000);
});

describe("parseOpmlFeeds under fuzzing", () => {
  const outline = fc
    .record({ text: fc.string({ maxLength: 20 }), xmlUrl: fc.option(adversarialUrl, { nil: undefined }) })
    .map(({ text, xmlUrl }) => {
      const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
      return `<outline text="${attr(text)}"${xmlUrl !== undefined ? ` xmlUrl="${attr(xmlUrl)}"` : ""}>`;
    });
  const opml = fc
    .tuple(fc.array(outline, { maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 30 }))
    .map(([outlines, closes]) => {
      const body = outlines.map((o, i) => (closes[i] ? `${o}</outline>` : o)).join("");
      const open = outlines.filter((_, i) => !closes[i]).length;
      return `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>${body}${"</outline>".repeat(open)}</body></opml>`;
    });
  const deep = fc
    .integer({ min: 100, max: 5_000 })
    .map(
      (n) =>
        `<opml version="2.0"><body>${'<outline text="f" xmlUrl="https://a.example/f">'.repeat(n)}${"</outline>".repeat(n)}</body></opml>`,
    );

  it("returns http(s) feeds or an OpmlError for adversarial OPML", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          opml,
          deep,
          adversarialFeed,
          mutated(["<opml><body><outline xmlUrl='https://a.example/'/></body></opml>"]),
        ),
        (text) => {
          const result = expected(() => parseOpmlFeeds(text), OpmlError);
          if (result instanceof Error) return;
          for (const feed of result.feeds) expect(feed.url).toMatch(/^https?:\/\//);
          expect(parseOpmlFeeds(text)).toEqual(result);
        },
      ),
      fuzzParams(200),
    );
  }, 60_000);
});

describe("discoverFeeds under fuzzing", () => {
  it("never throws on adversarial pages and returns only http(s) URLs", () => {
    const link = fc
      .tuple(
        adversarialUrl,
        fc.constantFrom("application/rss+xml", "application/atom+xml", "text/html", "APPLICATION/JSON"),
      )
      .map(([href, type]) => `<link rel="alternate" type="${type}" href="${href.replace(/"/g, "&quot;")}">`);
    const base = adversarialUrl.map((href) => `<base href="${href.replace(/"/g, "&quot;")}">`);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(link, base, adversarialHtml), { maxLength: 6 }),
        fc.oneof(fc.webUrl(), adversarialUrl),
        (parts, pageUrl) => {
          const found = timed(() => discoverFeeds(parts.join(""), pageUrl));
          for (const feed of found) expect(feed.url).toMatch(/^https?:\/\//);
          expect(discoverFeeds(parts.join(""), pageUrl)).toEqual(found);
        },
      ),
      fuzzParams(150),
    );
  }, 60_000);
});
