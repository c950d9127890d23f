import { type AnyNode, isTag } from "domhandler";
import type { DocumentMetadata } from "./blocks";
import { cleanByline, parseByline } from "./byline";
import { parseDateText } from "./dates";
import type { Container } from "./html-content";
import { isInside } from "./html-dom";
import type { PageMeta } from "./html-meta";
import { primaryLanguage } from "./language";
import { stripSiteSuffix } from "./title";

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

export function findSiteName(page: PageMeta): string | null {
  return page.meta.get("og:site_name") ?? page.jsonLd?.publisher ?? page.meta.get("application-name") ?? null;
}

export { findTitle };

/** Everything the page says about itself, read once the body's container is known (dates are scoped to it). */
export function readPageMetadata(
  page: PageMeta,
  container: Container,
  title: string | null,
  siteName: string | null,
): DocumentMetadata {
  const byline = findByline(page);
  return {
    title,
    byline,
    authors: byline ? [byline] : [],
    publishedAt: findPublishedAt(page, container),
    modifiedAt: null,
    siteName,
    language:
      primaryLanguage(page.lang) ??
      primaryLanguage(page.meta.get("content-language")) ??
      primaryLanguage(page.jsonLd?.language) ??
      primaryLanguage(page.meta.get("og:locale")),
    canonicalUrl: page.canonical ?? page.meta.get("og:url") ?? null,
    genre: null,
    section: null,
    description: null,
    imageUrl: null,
    tags: [],
  };
}
