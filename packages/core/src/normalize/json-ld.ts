import { cleanText } from "./blocks";

/** What a page's schema.org JSON-LD says about the article it carries. */
export interface JsonLdArticle {
  /** schema.org types of the article node ("NewsArticle", "OpinionNewsArticle", …). */
  types: string[];
  headline: string | null;
  /** People (and, when no person is named, organizations) credited as authors, in order. */
  authors: string[];
  datePublished: string | null;
  dateCreated: string | null;
  dateModified: string | null;
  publisher: string | null;
  language: string | null;
  section: string | null;
  keywords: string[];
  image: string | null;
  description: string | null;
}

export interface JsonLd {
  article: JsonLdArticle | null;
  /** Names of a BreadcrumbList, top level first ("Home", "World", "Europe"). */
  breadcrumb: string[];
  /** datePublished / dateModified of a non-article node (a WebPage), used only when the article has none. */
  pageDatePublished: string | null;
  pageDateModified: string | null;
}

export const emptyJsonLd = (): JsonLd => ({
  article: null,
  breadcrumb: [],
  pageDatePublished: null,
  pageDateModified: null,
});

// A page's JSON-LD is a few kilobytes; anything far larger is not worth parsing.
export const MAX_JSON_LD_CHARS = 1_000_000;
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|LiveBlogPosting|SocialMediaPosting|NewsArticle)$/;
const MAX_NODES = 500;

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function str(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return cleanText(value).slice(0, 500) || null;
  if (!isObject(value)) return null;
  // One level only: JSON-LD names are flat, and a hostile page could nest `name` objects thousands deep.
  const inner = typeof value.name === "string" ? value.name : value["@value"];
  return typeof inner === "string" ? cleanText(inner).slice(0, 500) || null : null;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]).slice(0, 20);

function types(node: JsonObject): string[] {
  return list(node["@type"]).filter((t): t is string => typeof t === "string");
}

/** Persons first: an article "by" its publisher only is credited to the organization when no one is named. */
function authorNames(value: unknown): string[] {
  const people: string[] = [];
  const organizations: string[] = [];
  for (const item of list(value)) {
    const name = str(item);
    if (!name) continue;
    const isOrganization = isObject(item) && types(item).some((t) => /Organization|Corporation/.test(t));
    (isOrganization ? organizations : people).push(name);
  }
  return people.length > 0 ? people : organizations;
}

function keywords(value: unknown): string[] {
  const words = typeof value === "string" ? value.split(",") : list(value).map(str);
  return words.map((word) => cleanText(word ?? "")).filter((word) => word.length > 0 && word.length <= 100);
}

function imageUrl(value: unknown): string | null {
  const first = list(value)[0];
  if (typeof first === "string") return str(first);
  return isObject(first) ? (str(first.url) ?? str(first.contentUrl)) : null;
}

function readArticle(node: JsonObject): JsonLdArticle {
  return {
    types: types(node),
    headline: str(node.headline) ?? str(node.name),
    authors: authorNames(node.author ?? node.creator),
    datePublished: str(node.datePublished),
    dateCreated: str(node.dateCreated),
    dateModified: str(node.dateModified),
    publisher:
      list(node.publisher)
        .map(str)
        .find((name) => name !== null) ?? null,
    language: str(node.inLanguage),
    section:
      list(node.articleSection)
        .map(str)
        .find((name) => name !== null) ?? null,
    keywords: keywords(node.keywords),
    image: imageUrl(node.image ?? node.thumbnailUrl),
    description: str(node.description),
  };
}

function readBreadcrumb(node: JsonObject): string[] {
  const items = list(node.itemListElement)
    .filter(isObject)
    .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
  return items
    .map((item) => str(item.name) ?? (isObject(item.item) ? str(item.item.name) : null))
    .filter((name): name is string => name !== null);
}

/**
 * Folds one parsed JSON-LD block into `into`: the first article node wins, found at the top level, in arrays,
 * in `@graph` or under `mainEntity` (a few levels are plenty, and the walk is bounded for hostile input).
 */
export function readJsonLd(parsed: unknown, into: JsonLd): void {
  const queue: { value: unknown; depth: number }[] = [{ value: parsed, depth: 0 }];
  for (let i = 0; i < queue.length && i < MAX_NODES; i++) {
    const { value, depth } = queue[i]!;
    if (depth > 4) continue;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 100)) queue.push({ value: item, depth: depth + 1 });
      continue;
    }
    if (!isObject(value)) continue;
    for (const key of ["@graph", "mainEntity", "mainEntityOfPage", "hasPart"])
      if (typeof value[key] === "object") queue.push({ value: value[key], depth: depth + 1 });
    const nodeTypes = types(value);
    if (nodeTypes.some((type) => ARTICLE_TYPE.test(type))) {
      into.article ??= readArticle(value);
    } else if (nodeTypes.includes("BreadcrumbList")) {
      if (into.breadcrumb.length === 0) into.breadcrumb = readBreadcrumb(value);
    } else if (nodeTypes.some((type) => /Page$/.test(type))) {
      into.pageDatePublished ??= str(value.datePublished) ?? str(value.dateCreated);
      into.pageDateModified ??= str(value.dateModified);
      // A WebPage that carries a headline is the article on sites that type nothing more precisely.
      if (value.headline && value.datePublished) into.article ??= readArticle(value);
    }
  }
}

/** JSON.parse that tolerates the raw newlines and tabs some CMSes leave inside JSON-LD strings. */
export function parseJsonLd(text: string): unknown {
  if (text.length > MAX_JSON_LD_CHARS) return null;
  const body = text.trim().replace(/^<!--|-->$/g, "");
  try {
    return JSON.parse(body);
  } catch {
    try {
      return JSON.parse(body.replace(/[\n\r\t]/g, " "));
    } catch {
      return null;
    }
  }
}
