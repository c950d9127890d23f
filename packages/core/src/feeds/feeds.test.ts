import { describe, expect, it } from "vitest";
import { discoverFeeds } from "./discover";
import { buildOpml, OpmlError, parseOpmlFeeds } from "./opml";
import { FeedParseError, htmlToText, parseFeedBytes } from "./parse";
import { MAX_POLL_MS, maxAgeSeconds, nextPollDelay, retryAfterMs } from "./schedule";

const bytes = (s: string) => new TextEncoder().encode(s);
const MIN = 60_000;

describe("parseFeedBytes", () => {
  it("reads RSS 2.0 items with guid, link, summary as text, date and ttl", () => {
    const feed = parseFeedBytes(
      bytes(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://x.test/</link><ttl>60</ttl>
      <item><title>A</title><link>/a</link><guid isPermaLink="false">g1</guid><description>&lt;p&gt;One &amp;amp; two&lt;/p&gt;</description><pubDate>Mon, 02 Jan 2006 15:04:05 GMT</pubDate></item>
      <item><title>No link</title><guid isPermaLink="false">g2</guid></item></channel></rss>`),
      "https://x.test/rss",
    );
    expect(feed).toMatchObject({ format: "rss", title: "Wire", siteUrl: "https://x.test/", ttlMinutes: 60 });
    expect(feed.items).toEqual([
      {
        guid: "g1",
        url: "https://x.test/a",
        title: "A",
        summary: "One & two",
        publishedAt: new Date("2006-01-02T15:04:05Z"),
      },
    ]);
  });

  it("reads Atom entries and JSON Feed items", () => {
    const atom = parseFeedBytes(
      bytes(`<feed xmlns="http://www.w3.org/2005/Atom"><title>AT</title><link href="https://y.test/"/>
      <entry><id>urn:1</id><title>E</title><link rel="alternate" href="https://y.test/e"/><summary>S</summary><updated>2024-01-01T00:00:00Z</updated></entry></feed>`),
      "https://y.test/atom.xml",
    );
    expect(atom.items[0]).toMatchObject({ guid: "urn:1", url: "https://y.test/e", title: "E", summary: "S" });
    const json = parseFeedBytes(
      bytes(
        JSON.stringify({
          version: "https://jsonfeed.org/version/1.1",
          title: "J",
          items: [{ id: "1", url: "https://z.test/1", title: "J1", content_text: "body" }],
        }),
      ),
      "https://z.test/feed.json",
    );
    expect(json).toMatchObject({ format: "json", title: "J" });
    expect(json.items[0]).toMatchObject({ guid: "1", url: "https://z.test/1", summary: "body" });
  });

  it("names the problem with empty, binary, HTML, non-feed and entity-declaring input", () => {
    const fails = (input: Uint8Array) => () => parseFeedBytes(input, "https://x.test/");
    expect(fails(new Uint8Array())).toThrow("empty");
    expect(fails(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]))).toThrow("binary");
    expect(fails(bytes("<!doctype html><html><body>hi</body></html>"))).toThrow("HTML page");
    expect(fails(bytes("just words"))).toThrow(FeedParseError);
    expect(
      fails(
        bytes(
          `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>`,
        ),
      ),
    ).toThrow("entities");
  });
});

describe("nextPollDelay", () => {
  it("uses the interval, or the longer ttl / max-age / Retry-After", () => {
    expect(nextPollDelay({ intervalMinutes: 15, consecutiveFailures: 0 })).toBe(15 * MIN);
    expect(nextPollDelay({ intervalMinutes: 15, ttlMinutes: 60, consecutiveFailures: 0 })).toBe(60 * MIN);
    expect(
      nextPollDelay({ intervalMinutes: 15, cacheControl: "public, max-age=3600", consecutiveFailures: 0 }),
    ).toBe(60 * MIN);
    expect(nextPollDelay({ intervalMinutes: 15, cacheControl: "max-age=60", consecutiveFailures: 0 })).toBe(
      15 * MIN,
    );
    expect(nextPollDelay({ intervalMinutes: 15, retryAfter: "7200", consecutiveFailures: 1 })).toBe(
      120 * MIN,
    );
  });

  it("doubles with each failure in a row, capped at a day", () => {
    expect(nextPollDelay({ intervalMinutes: 15, consecutiveFailures: 1 })).toBe(30 * MIN);
    expect(nextPollDelay({ intervalMinutes: 15, consecutiveFailures: 3 })).toBe(120 * MIN);
    expect(nextPollDelay({ intervalMinutes: 15, consecutiveFailures: 50 })).toBe(MAX_POLL_MS);
  });

  it("reads header forms", () => {
    expect(maxAgeSeconds("no-cache")).toBeNull();
    expect(maxAgeSeconds("s-maxage=10, max-age=5")).toBe(10);
    const now = new Date("2026-01-01T00:00:00Z");
    expect(retryAfterMs("Thu, 01 Jan 2026 00:10:00 GMT", now)).toBe(10 * MIN);
    expect(retryAfterMs("soon", now)).toBeNull();
  });
});

describe("OPML", () => {
  it("round-trips feeds through build and parse, flattening folders", () => {
    const feeds = [
      { url: "https://a.test/feed", title: "A & B", siteUrl: "https://a.test/" },
      { url: "https://b.test/rss", title: null, siteUrl: null },
    ];
    const parsed = parseOpmlFeeds(buildOpml(feeds));
    expect(parsed.feeds).toEqual([feeds[0], { ...feeds[1], title: "https://b.test/rss" }]);
    const nested = parseOpmlFeeds(
      `<opml version="2.0"><body><outline text="News"><outline text="C" xmlUrl="https://c.test/feed"/><outline text="bad" xmlUrl="ftp://x"/></outline></body></opml>`,
    );
    expect(nested.feeds.map((f) => f.url)).toEqual(["https://c.test/feed"]);
    expect(nested.skipped).toEqual([{ text: "bad", reason: "ftp://x is not an http(s) URL" }]);
  });

  it("refuses empty, non-OPML and feedless files", () => {
    expect(() => parseOpmlFeeds("")).toThrow("empty");
    expect(() => parseOpmlFeeds("<html></html>")).toThrow(OpmlError);
    expect(() => parseOpmlFeeds(`<opml version="2.0"><body><outline text="x"/></body></opml>`)).toThrow(
      "no feeds",
    );
  });
});

describe("discoverFeeds", () => {
  it("finds alternate links resolved against the base, then common paths", () => {
    const found = discoverFeeds(
      `<html><head><base href="/news/"><link rel="alternate" type="application/rss+xml" title="All" href="rss.xml">
       <link rel="alternate" type="application/atom+xml" href="https://x.test/atom"><link rel="stylesheet" href="s.css">
       <link rel="alternate" hreflang="fr" href="/fr/"></head></html>`,
      "https://x.test/home",
    );
    expect(found.slice(0, 2)).toEqual([
      { url: "https://x.test/news/rss.xml", title: "All", via: "link" },
      { url: "https://x.test/atom", title: null, via: "link" },
    ]);
    expect(found.filter((f) => f.via === "guess").map((f) => f.url)).toContain("https://x.test/feed.json");
  });

  // Found by feeds.fuzz.test.ts: a page address that is not a URL threw a TypeError.
  it("keeps absolute links and guesses nothing when the page address is not a URL", () => {
    const page = '<link rel="alternate" type="application/rss+xml" href="https://x.test/rss">';
    expect(discoverFeeds(page, "not a url")).toEqual([
      { url: "https://x.test/rss", title: null, via: "link" },
    ]);
    expect(discoverFeeds(page, "data:text/html,x").map((f) => f.via)).toEqual(["link"]);
  });
});

describe("htmlToText", () => {
  it("drops scripts and styles, turns blocks into paragraphs and decodes entities", () => {
    expect(
      htmlToText(
        '<p>One &amp; <b>two</b></p><script>var x = "<p>";</script><STYLE>p{}</style><br>Three &#x41;',
      ),
    ).toBe("One & two\n\nThree A");
    expect(htmlToText("a <script>never closed <b>b</b>")).toBe("a never closed b");
  });

  // Found by feeds.fuzz.test.ts: a 3 MB summary of unclosed `<script>` tags took 44 s (a backtracking regex).
  it("strips thousands of unclosed tags in linear time", () => {
    for (const html of [
      "<script>".repeat(100_000),
      "<script x".repeat(100_000),
      `${"&lt;style ".repeat(100_000)}`,
    ]) {
      const started = performance.now();
      htmlToText(html);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    const feed = `<rss><channel><item><link>https://x.test/1</link><description>${"&lt;script&gt;".repeat(200_000)}</description></item></channel></rss>`;
    const started = performance.now();
    parseFeedBytes(new TextEncoder().encode(feed), "https://x.test/");
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
