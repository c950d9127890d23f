import type { Document, Element } from "domhandler";
import { cleanText } from "./blocks";
import { attr, elements, textOf } from "./html-dom";

/** What the page says about itself, gathered in one pass before the body is looked at. */
export interface PageMeta {
  lang: string | null;
  /** Lower-cased meta name/property/itemprop/http-equiv → content of its first occurrence. */
  meta: Map<string, string>;
  canonical: string | null;
  titleTag: string | null;
  firstH1: string | null;
  relAuthor: string | null;
  bylineText: string | null;
  /** `<time datetime>` and `[itemprop=datePublished]` elements in document order, resolved later against the body. */
  times: { element: Element; value: string }[];
  articles: Element[];
  jsonLd: JsonLdArticle | null;
}

export interface JsonLdArticle {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  publisher: string | null;
  language: string | null;
}

// A page's JSON-LD is a few kilobytes; anything far larger is not worth parsing.
const MAX_JSON_LD_CHARS = 1_000_000;
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|NewsArticle|LiveBlogPosting)$/;

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function str(value: unknown): string | null {
  if (typeof value === "string") return cleanText(value).slice(0, 500) || null;
  if (!isObject(value)) return null;
  // One level only: JSON-LD names are flat, and a hostile page could nest `name` objects thousands deep.
  const inner = typeof value.name === "string" ? value.name : value["@value"];
  return typeof inner === "string" ? cleanText(inner).slice(0, 500) || null : null;
}

function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value]).slice(0, 10).map(str);
  const found = list.filter((name): name is string => name !== null);
  return found.length > 0 ? found.join(", ") : null;
}

function types(node: JsonObject): string[] {
  const type = node["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

/** The article object in a JSON-LD block: top level, in an array, or in `@graph` (two levels are plenty). */
function findArticle(root: unknown): JsonObject | null {
  const queue: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  let webPage: JsonObject | null = null;
  for (let i = 0; i < queue.length && i < 500; i++) {
    const { value, depth } = queue[i]!;
    const items = Array.isArray(value)
      ? value
      : isObject(value) && Array.isArray(value["@graph"])
        ? value["@graph"]
        : null;
    if (items && depth < 3)
      for (const item of items.slice(0, 100)) queue.push({ value: item, depth: depth + 1 });
    if (!isObject(value)) continue;
    if (types(value).some((type) => ARTICLE_TYPE.test(type))) return value;
    if (types(value).includes("WebPage") && value.headline) webPage ??= value;
  }
  return webPage;
}

function readJsonLd(script: Element): JsonLdArticle | null {
  const text = textOf(script, MAX_JSON_LD_CHARS + 1);
  if (text.length > MAX_JSON_LD_CHARS) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const article = findArticle(parsed);
  if (!article) return null;
  return {
    headline: str(article.headline) ?? str(article.name),
    author: names(article.author),
    datePublished: str(article.datePublished) ?? str(article.dateCreated),
    publisher: names(article.publisher),
    language: str(article.inLanguage),
  };
}

export function readMeta(document: Document): PageMeta {
  const page: PageMeta = {
    lang: null,
    meta: new Map(),
    canonical: null,
    titleTag: null,
    firstH1: null,
    relAuthor: null,
    bylineText: null,
    times: [],
    articles: [],
    jsonLd: null,
  };
  for (const element of elements(document)) {
    switch (element.name) {
      case "html":
        page.lang ??= attr(element, "lang") || attr(element, "xml:lang") || null;
        break;
      case "meta": {
        const key = (
          attr(element, "property") ||
          attr(element, "name") ||
          attr(element, "itemprop") ||
          attr(element, "http-equiv")
        ).toLowerCase();
        const content = cleanText(attr(element, "content"));
        if (key && content && !page.meta.has(key)) page.meta.set(key, content);
        break;
      }
      case "link":
        if (/(?:^|\s)canonical(?:\s|$)/i.test(attr(element, "rel")))
          page.canonical ??= attr(element, "href") || null;
        break;
      case "title":
        page.titleTag ??= cleanText(textOf(element, 1000)) || null;
        break;
      case "h1":
        page.firstH1 ??= cleanText(textOf(element, 1000)) || null;
        break;
      case "article":
        page.articles.push(element);
        break;
      case "script":
        if (/^application\/ld\+json$/i.test(attr(element, "type").trim()))
          page.jsonLd ??= readJsonLd(element);
        break;
    }
    if (element.name === "time" && attr(element, "datetime"))
      page.times.push({ element, value: attr(element, "datetime") });
    else if (attr(element, "itemprop") === "datePublished" && element.name !== "meta") {
      page.times.push({
        element,
        value: attr(element, "content") || attr(element, "datetime") || textOf(element, 100),
      });
    }
    if (!page.relAuthor && /(?:^|\s)author(?:\s|$)/i.test(attr(element, "rel")))
      page.relAuthor = cleanText(textOf(element, 200)) || null;
    if (!page.relAuthor && attr(element, "itemprop") === "author" && element.name !== "meta") {
      page.relAuthor = cleanText(textOf(element, 200)) || null;
    }
    if (!page.bylineText && /(?:^|[\s_-])byline(?:$|[\s_-])/i.test(attr(element, "class"))) {
      page.bylineText = cleanText(textOf(element, 300)) || null;
    }
  }
  return page;
}
