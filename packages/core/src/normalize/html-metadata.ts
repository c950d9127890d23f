import type { Element } from "domhandler";
import { cleanText, type DocumentMetadata } from "./blocks";
import { authorsFrom } from "./byline";
import { genreOf } from "./genre";
import type { Container } from "./html-content";
import { textOf } from "./html-dom";
import { findPageDates } from "./html-dates";
import type { PageMeta } from "./html-meta";
import { detectLanguage, primaryLanguage } from "./language";
import { decodeEntities, sameSite, stripSiteSuffix } from "./title";

export function findSiteName(page: PageMeta): string | null {
  return (
    page.meta.get("og:site_name") ??
    page.jsonLd.article?.publisher ??
    page.meta.get("application-name") ??
    null
  );
}

const significantWords = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 4),
  );
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * The article's title: JSON-LD headline, og:title, twitter:title, an <h1>, then <title>, each without the
 * site's name. The <title> is the referee: a candidate of one or two words that is not one of the parts of a
 * longer <title> is a logo, a CMS name or a menu ("escenic", "Menu", "Zoll"), and one that shares no word
 * with the <title> nor with any <h1> describes the site, not the article ("International Biathlon Union").
 */
export function findTitle(page: PageMeta, siteName: string | null): string | null {
  const strip = (text: string | null | undefined) => {
    const title = text ? stripSiteSuffix(cleanText(decodeEntities(text)), siteName) : "";
    // A title that is only the site's name ("Home | Example") says nothing about the article.
    return title && title.toLowerCase() !== siteName?.toLowerCase() ? title : null;
  };
  const titleTag = strip(page.titleTag);
  const h1s = page.headings.filter((heading) => heading.name === "h1").map((h1) => strip(textOf(h1, 1000)));
  const referee = titleTag ? significantWords(`${titleTag} ${h1s.join(" ")}`) : null;
  const titleParts = (page.titleTag ?? "").split(/\s[|–—\-:»·]\s/).map((part) => part.trim().toLowerCase());
  const weak = (title: string) =>
    wordCount(title) <= 2 && wordCount(page.titleTag ?? "") >= 4 && !titleParts.includes(title.toLowerCase());
  const unrelated = (title: string) => {
    const words = significantWords(title);
    return referee !== null && words.size > 0 && ![...words].some((word) => referee.has(word));
  };
  const structured = [
    page.jsonLd.article?.headline,
    page.meta.get("og:title"),
    page.meta.get("twitter:title"),
  ]
    .map(strip)
    .filter((title): title is string => title !== null);
  const headings = h1s.filter((title): title is string => title !== null);
  const titleWords = titleTag ? significantWords(titleTag) : null;
  const inTitle = (title: string) =>
    titleWords === null || [...significantWords(title)].some((word) => titleWords.has(word));
  return (
    structured.find((title) => !weak(title) && !unrelated(title)) ??
    headings.find((title) => !weak(title) && inTitle(title)) ??
    titleTag ??
    structured[0] ??
    headings[0] ??
    null
  );
}

const comparable = (text: string) =>
  cleanText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * The heading that is the article's headline: an <h1> that reads like the title, else any heading that does
 * (small sites put it in an <h4>), else the first <h1>.
 */
function findHeadline(page: PageMeta, title: string | null): Element | null {
  const h1s = page.headings.filter((heading) => heading.name === "h1");
  if (title) {
    const wanted = comparable(title);
    const matches = (heading: Element) => {
      const text = comparable(textOf(heading, 1000));
      return text.length > 0 && (wanted.includes(text) || text.includes(wanted));
    };
    const match = h1s.find(matches) ?? page.headings.find(matches);
    if (match) return match;
  }
  return h1s[0] ?? null;
}

/** Year-month-day order for numeric dates: only US English writes the month first. */
function dayFirst(language: string | null, tag: string | null): boolean | undefined {
  if (!language) return undefined;
  if (language !== "en") return true;
  if (/^en[-_](?:us|ph|ca)$/i.test(tag ?? "")) return false;
  return /^en[-_](?:gb|ie|au|nz|in|za)$/i.test(tag ?? "") ? true : undefined;
}

function resolveUrl(value: string | null | undefined, base: string | null): string | null {
  const text = cleanText(value ?? "");
  if (!text) return null;
  try {
    return base ? new URL(text, base).href : new URL(text).href;
  } catch {
    return text;
  }
}

function unique(values: readonly string[], max: number): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    const text = cleanText(decodeEntities(value));
    if (!text || seen.has(text.toLowerCase()) || PLACEHOLDER.test(text)) continue;
    seen.add(text.toLowerCase());
    result.push(text);
    if (result.length >= max) break;
  }
  return result;
}

// Theme defaults that ship in meta tags nobody filled in.
const PLACEHOLDER = /^(?:your keywords? here|keywords?|tags?|undefined|null|none)$/i;

// article:author is often a profile URL, which splitAuthors refuses, so the next source gets its turn.
const AUTHOR_META = [
  "author",
  "article:author",
  "dc.creator",
  "dcterms.creator",
  "parsely-author",
  "sailthru.author",
];

const GENERIC_SECTION =
  /^(?:home|homepage|start|startseite|accueil|inicio|news|nachrichten|index|übersicht)$/i;

/**
 * The desk the article belongs to: article:section, JSON-LD articleSection, else the first breadcrumb that is
 * neither "Home" nor the site itself. A comma-joined list of categories gives its first.
 */
function findSection(page: PageMeta, siteName: string | null): string | null {
  const site = siteName ?? page.canonical ?? page.meta.get("og:url") ?? null;
  const crumbs = (page.jsonLd.breadcrumb.length > 0 ? page.jsonLd.breadcrumb : page.breadcrumb).filter(
    (crumb) =>
      !GENERIC_SECTION.test(crumb) &&
      !/^[\w-]+(?:\.[\w-]+)+$/.test(crumb) &&
      !(site && sameSite(crumb, site.replace(/^[a-z]+:\/\/([^/]+).*$/i, "$1"))),
  );
  const section =
    page.meta.get("article:section") ??
    page.jsonLd.article?.section ??
    page.meta.get("og:article:section") ??
    page.meta.get("section") ??
    crumbs[0];
  const first = section ? cleanText(decodeEntities(section).split(/\s*[,;|]\s*/)[0]!) : "";
  return first && first.length <= 60 ? first : null;
}

function findTags(page: PageMeta): string[] {
  const keywords = [page.meta.get("keywords"), page.meta.get("news_keywords")].flatMap(
    (value) => value?.split(/[,;]/) ?? [],
  );
  return unique([...page.metaTags, ...(page.jsonLd.article?.keywords ?? []), ...keywords], 20).filter(
    (tag) => tag.length <= 60,
  );
}

function describe(value: string | null | undefined): string | null {
  return value ? cleanText(decodeEntities(value)) || null : null;
}

function findLanguage(page: PageMeta, container: Container): string | null {
  const declared =
    primaryLanguage(page.lang) ??
    primaryLanguage(page.meta.get("content-language")) ??
    primaryLanguage(page.jsonLd.article?.language) ??
    primaryLanguage(page.meta.get("og:locale")) ??
    primaryLanguage(page.meta.get("language"));
  return detectLanguage(cleanText(textOf(container, 5000)), declared);
}

/** Everything the page says about itself, read once the body's container is known (dates are scoped to it). */
export function readPageMetadata(
  page: PageMeta,
  container: Container,
  title: string | null,
  siteName: string | null,
): DocumentMetadata {
  const canonicalUrl = page.canonical ?? page.meta.get("og:url") ?? null;
  const authors = authorsFrom({
    structured: page.jsonLd.article?.authors ?? [],
    meta: AUTHOR_META.map((key) => page.meta.get(key)),
    markup: page.relAuthors,
    bylines: page.bylineTexts,
  });
  const language = findLanguage(page, container);
  const tag = page.lang ?? page.meta.get("og:locale") ?? null;
  const dates = findPageDates(page, container, findHeadline(page, title), {
    dayFirst: dayFirst(language, tag),
  });
  const section = findSection(page, siteName);
  return {
    title,
    byline: authors.length > 0 ? authors.join(", ") : null,
    authors,
    publishedAt: dates.publishedAt,
    modifiedAt: dates.modifiedAt,
    siteName,
    language,
    canonicalUrl,
    genre: genreOf({ types: page.jsonLd.article?.types ?? [], section, title, url: canonicalUrl }),
    section,
    description: describe(
      page.meta.get("og:description") ??
        page.meta.get("description") ??
        page.meta.get("twitter:description") ??
        page.jsonLd.article?.description,
    ),
    imageUrl: resolveUrl(
      page.meta.get("og:image") ?? page.meta.get("twitter:image") ?? page.jsonLd.article?.image,
      canonicalUrl,
    ),
    tags: findTags(page),
  };
}
