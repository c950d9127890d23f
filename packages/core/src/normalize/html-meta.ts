import type { Document, Element } from "domhandler";
import { cleanText } from "./blocks";
import { attr, elements, textOf } from "./html-dom";
import { emptyJsonLd, type JsonLd, MAX_JSON_LD_CHARS, parseJsonLd, readJsonLd } from "./json-ld";

export type { JsonLd, JsonLdArticle } from "./json-ld";

/** A date written into the markup of the body: `<time datetime>`, `itemprop=datePublished`, `abbr.published`. */
export interface MarkupDate {
  element: Element;
  value: string;
  /** What the markup says the date is: "published", "modified", or "time" when it does not say. */
  kind: "published" | "modified" | "time";
}

/** What the page says about itself, gathered in one pass before the body is looked at. */
export interface PageMeta {
  lang: string | null;
  /** Lower-cased meta name/property/itemprop/http-equiv → content of its first occurrence. */
  meta: Map<string, string>;
  /** article:tag and its relatives, which pages repeat once per tag. */
  metaTags: string[];
  canonical: string | null;
  titleTag: string | null;
  firstH1: string | null;
  /** The page's first <h1>…<h4> elements: one of them is the headline (others are logos and section names). */
  headings: Element[];
  relAuthors: string[];
  bylineTexts: string[];
  /** Markup dates in document order, resolved later against the body. */
  times: MarkupDate[];
  /** Elements whose class, id or itemprop names them a date, a byline or post metadata (the visible datelines). */
  dateElements: Element[];
  breadcrumb: string[];
  articles: Element[];
  jsonLd: JsonLd;
}

// Class and id words of the elements that show a post's date: "date", "datum", "post-meta", "byline",
// "published", "fecha", "entry-time"… (htmldate's list, which comes from looking at thousands of pages).
const DATE_ELEMENT_NAME =
  /date|datum|time|publish|posted|submitted|byline|subline|meta|info|author|autor|fecha|parution|release|stand|created|dateline|timestamp|fa-calendar|fa-clock/i;
// A page with more of them than this is a list page; the first ones are the ones near the headline anyway.
const MAX_DATE_ELEMENTS = 400;
const MAX_LIST = 20;
const MAX_HEADINGS = 40;
const TAG_KEYS = new Set(["article:tag", "og:article:tag", "video:tag", "book:tag"]);

function markupDate(element: Element): MarkupDate | null {
  const itemprop = attr(element, "itemprop").toLowerCase();
  const value = attr(element, "datetime") || attr(element, "content");
  if (element.name !== "meta") {
    if (/^date(?:published|created)$/.test(itemprop))
      return { element, kind: "published", value: value || cleanText(textOf(element, 100)) };
    if (itemprop === "datemodified")
      return { element, kind: "modified", value: value || cleanText(textOf(element, 100)) };
  }
  if (element.name === "time" && value) {
    const cls = attr(element, "class");
    const kind = /updated|modified/i.test(cls) && !("pubdate" in element.attribs) ? "modified" : "time";
    return { element, kind: "pubdate" in element.attribs ? "published" : kind, value };
  }
  // Blogger and hAtom themes: <abbr class="published" title="2016-12-23T05:11:00-05:00">5:11 AM</abbr>
  if (
    element.name === "abbr" &&
    /(?:^|\s)(?:published|updated|dtstart)(?:\s|$)/.test(attr(element, "class"))
  ) {
    const kind = /published/.test(attr(element, "class")) ? "published" : "modified";
    return { element, kind, value: attr(element, "title") || cleanText(textOf(element, 100)) };
  }
  return null;
}

function addBreadcrumb(page: PageMeta, element: Element): void {
  if (page.breadcrumb.length > 0) return;
  // The links only: the trail's last item is usually the page's own title, not a section.
  for (const link of elements(element)) {
    if (link.name !== "a") continue;
    const text = cleanText(textOf(link, 100));
    if (text && text.length <= 60 && !page.breadcrumb.includes(text)) page.breadcrumb.push(text);
    if (page.breadcrumb.length >= 8) break;
  }
}

function readMetaElement(page: PageMeta, element: Element): void {
  const key = (
    attr(element, "property") ||
    attr(element, "name") ||
    attr(element, "itemprop") ||
    attr(element, "http-equiv")
  ).toLowerCase();
  const content = cleanText(attr(element, "content"));
  if (!key || !content) return;
  if (TAG_KEYS.has(key) && page.metaTags.length < MAX_LIST) page.metaTags.push(content);
  if (!page.meta.has(key)) page.meta.set(key, content);
}

export function readMeta(document: Document): PageMeta {
  const page: PageMeta = {
    lang: null,
    meta: new Map(),
    metaTags: [],
    canonical: null,
    titleTag: null,
    firstH1: null,
    headings: [],
    relAuthors: [],
    bylineTexts: [],
    times: [],
    dateElements: [],
    breadcrumb: [],
    articles: [],
    jsonLd: emptyJsonLd(),
  };
  let breadcrumbTries = 0;
  for (const element of elements(document)) {
    switch (element.name) {
      case "html":
        page.lang ??= attr(element, "lang") || attr(element, "xml:lang") || null;
        break;
      case "meta":
        readMetaElement(page, element);
        break;
      case "link":
        if (/(?:^|\s)canonical(?:\s|$)/i.test(attr(element, "rel")))
          page.canonical ??= attr(element, "href") || null;
        break;
      case "title":
        page.titleTag ??= cleanText(textOf(element, 1000)) || null;
        break;
      case "h1":
        page.firstH1 ??= cleanText(textOf(element, 1000)) || null;
        if (page.headings.length < MAX_HEADINGS) page.headings.push(element);
        break;
      case "h2":
      case "h3":
      case "h4":
        if (page.headings.length < MAX_HEADINGS) page.headings.push(element);
        break;
      case "article":
        page.articles.push(element);
        break;
      case "script":
        if (/^application\/ld\+json$/i.test(attr(element, "type").trim()))
          readJsonLd(parseJsonLd(textOf(element, MAX_JSON_LD_CHARS + 1)), page.jsonLd);
        break;
    }
    const date = page.times.length < MAX_DATE_ELEMENTS ? markupDate(element) : null;
    if (date) page.times.push(date);
    const rel = attr(element, "rel");
    const itemprop = attr(element, "itemprop");
    if (
      page.relAuthors.length < MAX_LIST &&
      element.name !== "meta" &&
      element.name !== "link" &&
      (/(?:^|\s)author(?:\s|$)/i.test(rel) || /(?:^|\s)author(?:\s|$)/.test(itemprop))
    ) {
      // itemprop=author often wraps a Person whose itemprop=name is the name; textOf reads it either way.
      const name = cleanText(textOf(element, 200));
      if (name && !page.relAuthors.includes(name)) page.relAuthors.push(name);
    }
    const names = `${attr(element, "class")} ${attr(element, "id")}`;
    if (page.bylineTexts.length < 3 && /(?:^|[\s_-])byline(?:$|[\s_-])/i.test(names)) {
      const text = cleanText(textOf(element, 300));
      if (text) page.bylineTexts.push(text);
    }
    // Only the first few: a hostile page could nest thousands of link-less "breadcrumb" wrappers.
    if (/breadcrumb/i.test(names) && breadcrumbTries++ < 3) addBreadcrumb(page, element);
    if (
      page.dateElements.length < MAX_DATE_ELEMENTS &&
      (DATE_ELEMENT_NAME.test(names) || /date/i.test(itemprop))
    )
      page.dateElements.push(element);
  }
  return page;
}
