import { type AnyNode, isTag } from "domhandler";
import { parseDocument } from "htmlparser2";
import { type Block, cleanText, type Extraction, isPromoLine } from "./blocks";
import { cleanByline, parseByline } from "./byline";
import { matchLeadingDate, parseDateText } from "./dates";
import { NormalizeError } from "./errors";
import { boundNesting } from "./html-bound";
import { type Container, emitBlocks, findContainer } from "./html-content";
import { isInside, type JunkRules } from "./html-dom";
import { type PageMeta, readMeta } from "./html-meta";
import { primaryLanguage } from "./language";
import { extractText } from "./text";
import { stripSiteSuffix } from "./title";

const MAX_LINK_DENSITY = 0.5;
const PUBLISHED_META_KEYS = [
  "article:published_time",
  "og:published_time",
  "datepublished",
  "publishdate",
  "publish-date",
  "pubdate",
  "date",
  "dc.date",
  "dc.date.issued",
  "dcterms.created",
  "dcterms.date",
  "sailthru.date",
  "parsely-pub-date",
];

function firstMeta(meta: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key);
    if (value) return value;
  }
  return null;
}

function findTitle(page: PageMeta, siteName: string | null): string | null {
  const candidates = [
    page.jsonLd?.headline,
    page.meta.get("og:title"),
    page.meta.get("twitter:title"),
    page.firstH1,
  ];
  for (const candidate of candidates) if (candidate) return stripSiteSuffix(candidate, siteName);
  return page.titleTag ? stripSiteSuffix(page.titleTag, siteName) : null;
}

function findByline(page: PageMeta): string | null {
  const fromText = page.bylineText ? (parseByline(page.bylineText)?.name ?? null) : null;
  return (
    cleanByline(page.jsonLd?.author) ??
    cleanByline(page.meta.get("author")) ??
    cleanByline(page.meta.get("article:author")) ??
    cleanByline(page.relAuthor) ??
    fromText
  );
}

/**
 * Structured metadata first; then a <time> in the article itself (the article element around the body, not a
 * sidebar teaser's); then the generic meta names, which some CMSes fill with the page's build date.
 */
function findPublishedAt(page: PageMeta, container: Container): string | null {
  const structured =
    parseDateText(page.jsonLd?.datePublished ?? "") ??
    parseDateText(page.meta.get("article:published_time") ?? "");
  if (structured) return structured;
  let scope: AnyNode = container.parent ?? container;
  for (let node: AnyNode | null = container; node; node = node.parent) {
    if (isTag(node) && node.name === "article") {
      scope = node;
      break;
    }
  }
  for (const { element, value } of page.times) {
    if (!isInside(element, scope)) continue;
    const date = parseDateText(value);
    if (date) return date;
  }
  return parseDateText(firstMeta(page.meta, PUBLISHED_META_KEYS) ?? "");
}

function isNoise(block: Block): boolean {
  const density = block.linkChars && block.text.length > 0 ? block.linkChars / block.text.length : 0;
  if (density > MAX_LINK_DENSITY) return true;
  if (isPromoLine(block.text) || parseByline(block.text)) return true;
  const date = matchLeadingDate(block.text);
  return date !== null && !date.rest;
}

const sameText = (a: string, b: string) => cleanText(a).toLowerCase() === cleanText(b).toLowerCase();

/** The body blocks without noise and without the first heading that repeats the headline. */
function cleanBlocks(blocks: readonly Block[], headlines: readonly (string | null)[]): Block[] {
  const known = headlines.filter((headline): headline is string => headline !== null);
  let headlineSeen = known.length === 0;
  return blocks.filter((block) => {
    if (
      !headlineSeen &&
      block.kind === "heading" &&
      known.some((headline) => sameText(block.text, headline))
    ) {
      headlineSeen = true;
      return false;
    }
    return !isNoise(block);
  });
}

// Some pages give every wrapper a class that reads like furniture ("has-sidebar", "no-ads"): when judging by
// class names finds nothing, judge by tags alone.
const RULES: readonly JunkRules[] = [
  { byName: true, dropForms: false },
  { byName: false, dropForms: false },
];

/** An HTML page to the article it carries: metadata from the head and JSON-LD, blocks from the main container. */
export function extractHtml(html: string): Extraction {
  // Text sent as HTML (a text/plain response, a paste without markup) keeps its paragraphs only as text.
  if (!/<[A-Za-z!/?]/.test(html)) return extractText(html);
  const document = parseDocument(boundNesting(html), { decodeEntities: true });
  const page = readMeta(document);
  const siteName =
    page.meta.get("og:site_name") ?? page.jsonLd?.publisher ?? page.meta.get("application-name") ?? null;
  const title = findTitle(page, siteName);
  for (const rules of RULES) {
    const container = findContainer(document, page.articles, rules);
    if (!container) continue;
    const blocks = cleanBlocks(emitBlocks(container, { ...rules, dropForms: true }), [title, page.firstH1]);
    if (!blocks.some((block) => block.kind !== "heading")) continue;
    return {
      title,
      byline: findByline(page),
      publishedAt: findPublishedAt(page, container),
      siteName,
      language:
        primaryLanguage(page.lang) ??
        primaryLanguage(page.meta.get("content-language")) ??
        primaryLanguage(page.jsonLd?.language) ??
        primaryLanguage(page.meta.get("og:locale")),
      canonicalUrl: page.canonical ?? page.meta.get("og:url") ?? null,
      blocks,
    };
  }
  throw new NormalizeError("no-article", "no article found");
}
