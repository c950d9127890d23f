import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { repoRoot } from "../normalize/__fixtures__/seeds";

/**
 * Shared inputs for the `*.fuzz.test.ts` properties: random and adversarial HTML, text, URLs and feed documents,
 * plus byte-range mutations of real pages. One fixed seed so a failure reproduces; fast-check prints the seed
 * and the shrunk counterexample.
 */
export const FUZZ_SEED = 20_260_309;

/**
 * Per-call bound for documents up to ~1 MB. It detects hangs and runaway (quadratic) work, not speed: speed goals
 * live in the benchmarks, and a test must not fail because a shared 2-core machine was busy. The slowest input
 * here takes ≈ 1.2 s on such a machine; the quadratic cases the fuzzing found took 15–44 s.
 */
export const CALL_LIMIT_MS = 10_000;

export const fuzzParams = (numRuns: number) => ({ seed: FUZZ_SEED, numRuns, endOnFailure: true });

/** Runs `fn` and fails if one call takes longer than the limit. */
export function timed<T>(fn: () => T, limitMs = CALL_LIMIT_MS): T {
  const started = performance.now();
  const result = fn();
  const took = performance.now() - started;
  if (took > limitMs) throw new Error(`call took ${Math.round(took)} ms (limit ${limitMs} ms)`);
  return result;
}

// ---------------------------------------------------------------- seed pages

/** The repository's HTML fixtures and, when the checkout has them beside it, a few real pages of ../shared/data. */
export function seedPages(): string[] {
  const pages: string[] = [];
  const fixtures = join(repoRoot(), "packages/core/src/normalize/__fixtures__");
  for (const name of readdirSync(fixtures)
    .filter((f) => f.endsWith(".html"))
    .sort())
    pages.push(readFileSync(join(fixtures, name), "utf8"));
  const shared = join(repoRoot(), "..", "shared", "data", "extraction", "pages");
  if (existsSync(shared)) {
    const names = readdirSync(shared)
      .filter((f) => f.endsWith(".html"))
      .sort();
    // Every 37th page: a spread of sites without reading 40 MB per run.
    for (let i = 0; i < names.length; i += 37) pages.push(readFileSync(join(shared, names[i]!), "utf8"));
  }
  return pages;
}

export function seedTexts(): string[] {
  const dir = join(repoRoot(), "..", "shared", "data", "newswcl50");
  if (!existsSync(dir))
    return ["Tokyo, March 3 (Reuters) - The Bank of Japan said on Tuesday it would hold rates."];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .filter((_, i) => i % 7 === 0)
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

/** Delete, duplicate, swap or overwrite random ranges of a seed (the mutations a broken proxy or a cut download makes). */
export function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.record({
    op: fc.constantFrom("delete", "duplicate", "swap", "insert", "truncate"),
    a: fc.double({ min: 0, max: 1, noNaN: true }),
    b: fc.double({ min: 0, max: 1, noNaN: true }),
    len: fc.nat({ max: 4_000 }),
    junk: fc.constantFrom(
      "\u0000",
      "\ufffd",
      "\ud800",
      "</div>",
      "<div>",
      "<script>",
      "<!--",
      "]]>",
      "\u202e",
      "&#0;",
    ),
  });
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 }))
    .map(([seed, edits]) => {
      let s = seed;
      for (const { op, a, b, len, junk } of edits) {
        const i = Math.floor(a * s.length);
        const j = Math.floor(b * s.length);
        const piece = s.slice(i, i + len);
        if (op === "delete") s = s.slice(0, i) + s.slice(i + len);
        else if (op === "duplicate") s = s.slice(0, j) + piece + s.slice(j);
        else if (op === "swap") {
          const [lo, hi] = i < j ? [i, j] : [j, i];
          s = s.slice(hi, hi + len) + s.slice(lo + len, hi) + s.slice(lo, lo + len) + s.slice(hi + len);
        } else if (op === "insert") s = s.slice(0, i) + junk + s.slice(i);
        else s = s.slice(0, Math.max(1, i));
      }
      return s;
    });
}

// ---------------------------------------------------------------- text

const weirdChar = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u00ad",
  "\u200b",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u202e",
  "\u2028",
  "\u2029",
  "\u2060",
  "\ufeff",
  "\ufffd",
  "\ud800",
  "\udfff",
  "\r",
  "\t",
  "\v",
  "\f",
  "“",
  "”",
  "«",
  "»",
  "「",
  "」",
  '"',
  "'",
  "$",
  "%",
  "€",
  "—",
  "…",
);
const wordy = fc.constantFrom(
  "The",
  "Prime Minister",
  "Takaichi Sanae",
  "said",
  "on Tuesday",
  "March 3, 2026",
  "last year",
  "$4.5 billion",
  "40%",
  "Washington",
  "Liberal Democratic Party",
  "U.S.",
  "next week",
  "1990s",
  "东京",
  "習近平",
  "🙂",
  "👨‍👩‍👧",
  "مرحبا",
  "שלום",
  "\n",
  "\n\n",
  ". ",
  ", ",
  " ",
);

/** Random unicode mixed with words the enrichers look for, control and bidi characters, and lone surrogates. */
export const adversarialText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 400 }),
  fc
    .array(fc.oneof(wordy, weirdChar, fc.string({ maxLength: 8 })), { maxLength: 300 })
    .map((a) => a.join("")),
  fc
    .array(fc.constantFrom(" ", "\n", "\t", "\u00a0", "\u3000", "\u200b", "\ufeff"), {
      minLength: 1,
      maxLength: 200,
    })
    .map((a) => a.join("")),
  fc.nat({ max: 200_000 }).map((n) => "a".repeat(n + 1)),
  fc.nat({ max: 50_000 }).map((n) => "東京".repeat(n + 1)),
  fc.nat({ max: 5_000 }).map((n) => `${"“".repeat(n)}said ${"”".repeat(n)}`),
  fc.nat({ max: 5_000 }).map((n) => `${"1,".repeat(n)}000 percent`),
);

// ---------------------------------------------------------------- HTML

const tagName = fc.constantFrom(
  "div",
  "p",
  "span",
  "article",
  "main",
  "section",
  "h1",
  "h2",
  "li",
  "ul",
  "table",
  "td",
  "tr",
  "a",
  "b",
  "script",
  "style",
  "title",
  "textarea",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "plaintext",
  "xmp",
  "meta",
  "base",
  "br",
  "img",
  "figure",
  "figcaption",
  "blockquote",
  "time",
  "header",
  "footer",
  "nav",
  "x-y",
);
const attribute = fc.oneof(
  fc.constantFrom(
    ' charset="utf-16"',
    ' charset="shift_jis"',
    ' http-equiv="content-type" content="text/html; charset=koi8-r"',
    ' property="og:title" content="&#x0;&#xD800;"',
    ' name="author" content="<script>alert(1)</script>"',
    ' datetime="2026-02-30T25:61:00Z"',
    ' datetime="-271821-04-20"',
    ' href="javascript:alert(1)"',
    ' href="http://[::1"',
    ' class="article-body"',
    ' itemprop="articleBody"',
    " dir=rtl",
    " =",
    ' a="',
  ),
  fc.nat({ max: 300_000 }).map((n) => ` data-x="${"x".repeat(n)}"`),
);
const snippet: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(tagName, fc.array(attribute, { maxLength: 3 })).map(([t, a]) => `<${t}${a.join("")}>`),
  tagName.map((t) => `</${t}>`),
  adversarialText,
  fc.constantFrom(
    "<!-- -->",
    "<!--",
    "-->",
    "<![CDATA[ x ]]>",
    "<![CDATA[",
    "<!DOCTYPE html>",
    "<?xml version='1.0'?>",
    "<script>document.write('</scr'+'ipt><p>')</script>",
    "<style>p{}</style",
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":{"x":[1,2]},"datePublished":"99999-99-99","author":[null,{"name":{}}]}</script>',
    '<script type="application/ld+json">{"@graph":[{"@type":["NewsArticle",{}],"articleBody":1e309}]}</script>',
    '<script type="application/ld+json">[[[[[[[[[[[[[[[[[[[[</script>',
    "&#0;&#xD800;&#x110000;&#99999999999;&amp&lt;&unknown;",
    "<p>Paragraph with text long enough to count as the body of an article, said the minister on Tuesday.</p>",
    "<",
    ">",
    "</",
    "<a",
    "\ufeff",
    "\u0000",
  ),
);

/** Deep nesting of one or mixed tags, opened and never closed or closed in the wrong order. */
const deepNesting = fc
  .record({
    depth: fc.integer({ min: 500, max: 20_000 }),
    tag: fc.constantFrom("div", "span", "b", "p", "li", "table", "a", "font", "x"),
    close: fc.constantFrom("none", "all", "reversed-wrong"),
    text: fc.constantFrom("", "Text of the article, long enough to be a paragraph. ".repeat(5)),
  })
  .map(({ depth, tag, close, text }) => {
    const open = `<${tag}>`.repeat(depth);
    const closing =
      close === "all" ? `</${tag}>`.repeat(depth) : close === "reversed-wrong" ? "</x>".repeat(depth) : "";
    return `<html><body>${open}${text}${closing}</body></html>`;
  });

/** 1 MB+ documents: many paragraphs, or one giant word, or one giant attribute. */
const hugeDocument = fc
  .record({
    kind: fc.constantFrom("paragraphs", "word", "attribute", "comment", "tags"),
    size: fc.integer({ min: 1 << 20, max: 1_200_000 }),
  })
  .map(({ kind, size }) => {
    if (kind === "paragraphs") {
      const p =
        "<p>The ministry said on March 3 that exports rose 4.5% to $12 billion, “a record,” Tanaka said.</p>\n";
      return `<html><body><article>${p.repeat(Math.ceil(size / p.length))}</article></body></html>`;
    }
    if (kind === "word") return `<html><body><p>${"x".repeat(size)}</p></body></html>`;
    if (kind === "attribute")
      return `<html><body><div title="${"y".repeat(size)}"><p>Body text here.</p></div></body></html>`;
    if (kind === "comment") return `<html><body><!--${"-".repeat(size)}<p>After comment.</p></body></html>`;
    return `<html><body>${"<br>".repeat(size / 4)}</body></html>`;
  });

export const adversarialHtml: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.array(snippet, { maxLength: 80 }).map((a) => a.join("")), weight: 6 },
  { arbitrary: deepNesting, weight: 1 },
  {
    arbitrary: fc
      .constantFrom("\ufeff", "\ufffe", "\u00ef\u00bb\u00bf", "")
      .chain((bom) => fc.array(snippet, { maxLength: 40 }).map((a) => bom + a.join(""))),
    weight: 2,
  },
);

export { hugeDocument };

// ---------------------------------------------------------------- URLs

export const adversarialUrl: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    "",
    " ",
    "http://",
    "https://xn--nxasmq6b.example/",
    "https://例え.テスト/パス?q=東京#frag",
    "http://[::1]:8080/a",
    "http://[::ffff:127.0.0.1]/",
    "http://[::1",
    "http://user:pa%ss@host/",
    "https://example.com/%E0%A4%A",
    "https://example.com/%00%ff%zz?utm_source=x&a=%&b",
    "https://example.com/2026/02/30/story",
    "https://example.com/99999/99/99/",
    "javascript:alert(1)",
    "data:text/html,<p>x</p>",
    "file:///etc/passwd",
    "mailto:a@b",
    "//evil.example/x",
    "http://256.256.256.256/",
    "http://0x7f.1/",
    "https://a.b/\u0000\ud800",
    "https://example.com:99999/",
  ),
  fc.nat({ max: 100_000 }).map((n) => `https://example.com/${"a".repeat(n)}?${"q=1&".repeat(n % 5000)}`),
);

// ---------------------------------------------------------------- feeds

/** Escaped markup repeated: summaries are HTML inside XML, and unclosed tags by the thousand stress the stripper. */
const escapedMarkup = fc
  .tuple(
    fc.constantFrom("&lt;script&gt;", "&lt;style x", "&lt;p&gt;", "&lt;/div&gt;&lt;br/&gt;", "&amp;#x"),
    fc.nat({ max: 100_000 }),
  )
  .map(([piece, n]) => piece.repeat(n));
const xmlText = fc.oneof(
  adversarialText,
  escapedMarkup,
  fc.constantFrom("<b>bold</b>", "&amp;", "&bogus;", "]]>", "<![CDATA[<p>x</p>]]>"),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const rssItem = fc
  .record({
    title: maybe(xmlText),
    link: maybe(adversarialUrl),
    guid: maybe(xmlText),
    description: maybe(xmlText),
    pubDate: maybe(fc.oneof(xmlText, fc.constant("Tue, 03 Mar 2026 10:00:00 GMT"))),
  })
  .map((i) =>
    [
      "<item>",
      i.title !== undefined ? `<title>${i.title}</title>` : "",
      i.link !== undefined ? `<link>${i.link}</link>` : "",
      i.guid !== undefined ? `<guid>${i.guid}</guid>` : "",
      i.description !== undefined ? `<description>${i.description}</description>` : "",
      i.pubDate !== undefined ? `<pubDate>${i.pubDate}</pubDate>` : "",
      "</item>",
    ].join(""),
  );
const rss = fc
  .tuple(fc.array(rssItem, { maxLength: 12 }), maybe(xmlText), maybe(fc.oneof(fc.constant("60"), xmlText)))
  .map(
    ([items, title, ttl]) =>
      `<?xml version="1.0"?><rss version="2.0"><channel>${title !== undefined ? `<title>${title}</title>` : ""}${ttl !== undefined ? `<ttl>${ttl}</ttl>` : ""}${items.join("")}</channel></rss>`,
  );
const atom = fc
  .array(
    fc.record({
      id: maybe(xmlText),
      href: maybe(adversarialUrl),
      rel: maybe(fc.constantFrom("alternate", "self", "")),
      updated: maybe(xmlText),
    }),
    { maxLength: 10 },
  )
  .map(
    (entries) =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>${entries
        .map(
          (e) =>
            `<entry>${e.id !== undefined ? `<id>${e.id}</id>` : ""}${e.href !== undefined ? `<link href="${e.href.replace(/"/g, "&quot;")}"${e.rel !== undefined ? ` rel="${e.rel}"` : ""}/>` : ""}${e.updated !== undefined ? `<updated>${e.updated}</updated>` : ""}</entry>`,
        )
        .join("")}</feed>`,
  );
/** JSON Feed with every field possibly of the wrong type. */
const jsonFeed = fc
  .record(
    {
      version: fc.oneof(fc.constant("https://jsonfeed.org/version/1.1"), fc.jsonValue()),
      title: fc.jsonValue(),
      home_page_url: fc.oneof(adversarialUrl, fc.jsonValue()),
      items: fc.oneof(
        fc.jsonValue(),
        fc.array(
          fc.oneof(
            fc.jsonValue(),
            fc.record(
              {
                id: fc.jsonValue(),
                url: fc.oneof(adversarialUrl, fc.jsonValue()),
                title: fc.jsonValue(),
                content_html: fc.oneof(xmlText, fc.jsonValue()),
                date_published: fc.jsonValue(),
              },
              { requiredKeys: [] },
            ),
          ),
          { maxLength: 10 },
        ),
      ),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));
const billionLaughs = fc.constantFrom(
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss><channel><item><title>&lol3;</title><link>https://a.example/</link></item></channel></rss>',
  '<?xml version="1.0"?><!DOCTYPE r SYSTEM "file:///etc/passwd"><rss><channel><item><link>https://a.example/</link></item></channel></rss>',
  `<rss><channel>${"<item>".repeat(5_000)}</channel></rss>`,
  `<feed>${"<entry><link href='https://a.example/'/>".repeat(3_000)}`,
  "[".repeat(10_000) + "]".repeat(10_000),
  `{"version":"https://jsonfeed.org/version/1","items":${"[".repeat(5_000)}${"]".repeat(5_000)}}`,
);

export const adversarialFeed: fc.Arbitrary<string> = fc.oneof(
  rss,
  atom,
  jsonFeed,
  billionLaughs,
  fc.array(snippet, { maxLength: 30 }).map((a) => a.join("")),
);

export const binaryBytes: fc.Arbitrary<Uint8Array> = fc.uint8Array({ maxLength: 4_000 });
