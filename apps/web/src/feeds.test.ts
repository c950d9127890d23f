import { type Briefing, zBriefing } from "@parallax/core";
import { describe, expect, it } from "vitest";
import { atomFeed, escapeHtml, type FeedDescription, type FeedStory, jsonFeed, xmlSafe } from "./feeds";

const HOSTILE = `<script>alert("x")</script> ]]> & ]]> \u0000 Tōkyō`;

function briefing(headline: string | null): Briefing {
  const citation = { articleId: "a1b2c3d4-0000-4000-8000-000000000001", source: "Caixin <b>", paragraph: 3 };
  return zBriefing.parse({
    builder: 1,
    scope: "story",
    headline: headline ? { text: headline, citations: [citation] } : null,
    keyPoints: [
      {
        n: 1,
        sentences: [{ text: `He said ${HOSTILE}`, citations: [citation] }],
        articleIds: [citation.articleId],
        genre: "opinion",
        attributedTo: null,
      },
    ],
    entities: [],
    timeline: [],
    figures: [],
    sources: [
      {
        articleId: citation.articleId,
        label: "Caixin <b>",
        outlet: "Caixin",
        country: "CN",
        title: "Fallback title",
        url: null,
        publishedAt: null,
        referenceDate: null,
        genre: "opinion",
        genreInferred: false,
      },
    ],
  });
}

const story = (headline: string | null, version = 2): FeedStory => ({
  storyId: "0b0e5a1c-1111-4222-8333-444455556666",
  version,
  builtAt: "2026-03-20T10:00:00.000Z",
  firstBuiltAt: "2026-03-01T10:00:00.000Z",
  articleCount: 3,
  briefing: briefing(headline),
});

const meta: FeedDescription = {
  origin: "https://parallax.example",
  title: "Parallax: Shigeru <Ishiba> & co",
  description: "Stories naming him",
  pagePath: "/entities/shigeru-ishiba",
  feedPath: "/feeds/entities/shigeru-ishiba",
  now: new Date("2026-01-01T00:00:00Z"),
};

/**
 * A strict reading of XML well-formedness as far as feeds need it: tags nest and close, attributes are quoted,
 * `&` starts only a known or numeric entity, `<` appears in text only as markup, CDATA sections close.
 */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  let i = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
  const entity = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
  while (i < xml.length) {
    if (xml.startsWith("<![CDATA[", i)) {
      const end = xml.indexOf("]]>", i + 9);
      if (end < 0) throw new Error(`unclosed CDATA at ${i}`);
      i = end + 3;
    } else if (xml[i] === "<") {
      const end = xml.indexOf(">", i);
      if (end < 0) throw new Error(`unclosed tag at ${i}`);
      const tag = xml.slice(i + 1, end);
      const close = /^\/([\w:.-]+)\s*$/.exec(tag);
      const open = /^([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)$/.exec(tag);
      if (close) {
        if (stack.pop() !== close[1]) throw new Error(`</${close[1]}> closes nothing open at ${i}`);
      } else if (open) {
        for (const value of open[2]!.matchAll(/="([^"]*)"/g))
          for (const amp of value[1]!.matchAll(/&/g))
            if (!entity.test(value[1]!.slice(amp.index))) throw new Error(`bare & in attribute at ${i}`);
        if (!open[3]) stack.push(open[1]!);
      } else throw new Error(`malformed tag <${tag}> at ${i}`);
      i = end + 1;
    } else {
      if (xml[i] === "&" && !entity.test(xml.slice(i, i + 12))) throw new Error(`bare & at ${i}`);
      if (xml[i] === ">" && xml.slice(i - 2, i) === "]]") throw new Error(`]]> in text at ${i}`);
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml[i]!)) throw new Error(`control char at ${i}`);
      i++;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join("> <")}>`);
}

const cdata = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}[^>]*><!\\[CDATA\\[([\\s\\S]*?)\\]\\]></${tag}>`, "g"))].map(
    (m) => m[1]!,
  );

const unescapeHtml = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("escapeHtml", () => {
  it("escapes markup and drops characters XML cannot carry", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(xmlSafe("a\u0000b\u001Fc\uD800d\tok")).toBe("abcd\tok");
    expect(xmlSafe("emoji 😀 stays")).toBe("emoji 😀 stays");
  });
});

describe("atomFeed", () => {
  it("is well-formed with a hostile headline, which reads back as text, never as markup", () => {
    const xml = atomFeed(meta, [story(HOSTILE)]);
    assertWellFormed(xml);
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("\u0000");
    const [title] = cdata(xml, "title");
    expect(unescapeHtml(title!)).toBe(xmlSafe(HOSTILE));
    const [content] = cdata(xml, "content");
    expect(content).toContain(
      '<a href="https://parallax.example/articles/a1b2c3d4-0000-4000-8000-000000000001#p-3">',
    );
    expect(content).toContain("[Caixin &lt;b&gt; ¶3]");
    expect(content).toContain("Briefing version 2");
    expect(content).toContain("<em>(opinion)</em>");
    expect(content).toContain('href="https://parallax.example/stories/0b0e5a1c-1111-4222-8333-444455556666"');
  });

  it("gives each story a stable id, its briefing's build time as updated, and absolute links", () => {
    const xml = atomFeed(meta, [story("First", 1)]);
    const again = atomFeed(meta, [story("First, rebuilt", 3)]);
    const idOf = (x: string) => /<entry>[\s\S]*?<id>([^<]+)<\/id>/.exec(x)![1];
    expect(idOf(xml)).toBe("urn:uuid:0b0e5a1c-1111-4222-8333-444455556666");
    expect(idOf(again)).toBe(idOf(xml));
    expect(xml).toContain("<updated>2026-03-20T10:00:00.000Z</updated>");
    expect(xml).toContain("<published>2026-03-01T10:00:00.000Z</published>");
    expect(xml).toContain(
      '<link rel="self" href="https://parallax.example/feeds/entities/shigeru-ishiba.atom"/>',
    );
    expect(xml).toContain("<title>Parallax: Shigeru &lt;Ishiba&gt; &amp; co</title>");
    expect(again).toContain("Briefing version 3");
  });

  it("gives one story's feed an entry per version, each linking that version, and keeps its query in its links", () => {
    const storyMeta: FeedDescription = {
      ...meta,
      feedPath: "/feeds/stories",
      perVersion: true,
      feedQuery: "?story=0b0e5a1c-1111-4222-8333-444455556666",
    };
    const xml = atomFeed(storyMeta, [story("Rebuilt", 3), story("First", 2)]);
    const ids = [...xml.matchAll(/<entry>[\s\S]*?<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual([
      "urn:parallax:story:0b0e5a1c-1111-4222-8333-444455556666:version:3",
      "urn:parallax:story:0b0e5a1c-1111-4222-8333-444455556666:version:2",
    ]);
    expect(xml).toContain("/stories/0b0e5a1c-1111-4222-8333-444455556666?version=2");
    expect(xml).toContain(
      'href="https://parallax.example/feeds/stories.atom?story=0b0e5a1c-1111-4222-8333-444455556666"',
    );
  });

  it("falls back to a source's title without a headline, and is valid with no entries", () => {
    expect(cdata(atomFeed(meta, [story(null)]), "title")).toEqual(["Fallback title"]);
    const empty = atomFeed(meta, []);
    assertWellFormed(empty);
    expect(empty).toContain("<updated>2026-01-01T00:00:00.000Z</updated>");
    expect(empty).not.toContain("<entry>");
  });
});

describe("jsonFeed", () => {
  it("writes JSON Feed 1.1 with plain-text titles and HTML content", () => {
    const feed = JSON.parse(jsonFeed(meta, [story(HOSTILE)]));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed).toMatchObject({
      title: meta.title,
      home_page_url: "https://parallax.example/entities/shigeru-ishiba",
      feed_url: "https://parallax.example/feeds/entities/shigeru-ishiba.json",
      authors: [{ name: "Parallax", url: "https://parallax.example" }],
      language: "en",
    });
    expect(feed.author).toBeUndefined();
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: "urn:uuid:0b0e5a1c-1111-4222-8333-444455556666",
      url: "https://parallax.example/stories/0b0e5a1c-1111-4222-8333-444455556666",
      title: HOSTILE,
      date_modified: "2026-03-20T10:00:00.000Z",
      date_published: "2026-03-01T10:00:00.000Z",
      _parallax: { version: 2, articleCount: 3 },
    });
    expect(item.summary).toMatch(/^Briefing version 2, built /);
    expect(item.content_html).not.toContain("<script>");
    expect(item.content_html).toContain("&lt;script&gt;");
    expect(feed.items.every((i: { id: unknown }) => typeof i.id === "string")).toBe(true);
  });
});
