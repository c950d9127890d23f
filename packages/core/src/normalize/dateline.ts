import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { cleanText } from "./blocks";
import { PUBLISHED_LABEL, UPDATED_LABEL } from "./date-words";
import { findDates, parseDateText, type ScanOptions } from "./dates";
import { attr, isBlock, textOf } from "./html-dom";
import type { PageMeta } from "./html-meta";

/** A date the page shows its reader, with what we know of its role. */
export interface VisibleDate {
  iso: string;
  kind: "published" | "modified" | "unknown";
  /** How it was found: a labelled dateline, a date-named element, a `<time>`, or proximity to the headline. */
  source: "label" | "element" | "markup" | "headline";
  /** Inside the article (not a teaser, comment or sidebar elsewhere on the page). */
  inArticle: boolean;
}

// Never the article's dateline: scripts, navigation, quotes and embedded posts (a tweet, an Instagram post)
// with dates of their own, and the comment, sidebar and related-story lists whose dates belong to other posts.
const NEVER_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "svg",
  "select",
  "iframe",
  "nav",
  "blockquote",
]);
const OTHER_POSTS =
  /(?:^|[\s_-])(?:comments?|commentlist|comment-list|disqus|respond|replies|sidebar|related|widget|recommended|most-?popular|trending|ticker|teaser-?list|more-?stories|archive|embed|twitter-tweet|instagram-media|tiktok-embed)(?:$|[\s_-])/i;
const OTHER_ITEMS =
  /(?:^|[\s/])(?:review|reviews|comment|comments|answer|suggestedanswer|acceptedanswer|question)$/i;
// A dateline is a short line; a date in a longer one is part of a sentence ("… met on 3 July 2018 …").
const MAX_DATELINE_CHARS = 160;
const MAX_TEXT_CHARS = 400_000;
// How far from the headline a bare date still reads as its dateline (characters of page text).
const BEFORE_HEADLINE = 300;
const AFTER_HEADLINE = 500;

// The page's main wrappers are never other posts, whatever their class ("archive", "has-sidebar").
const MAIN_TAGS = new Set(["html", "body", "main", "article"]);

function isWithin(node: AnyNode, ancestor: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent)
    if (current === ancestor) return true;
  return false;
}

/** The article's scope and the elements around it, which hold this post whatever their class says. */
interface Scope {
  node: AnyNode;
  wrappers: ReadonlySet<AnyNode>;
}

function scopeOf(node: AnyNode): Scope {
  const wrappers = new Set<AnyNode>();
  for (let current: AnyNode | null = node; current; current = current.parent) wrappers.add(current);
  return { node, wrappers };
}

/**
 * Whether an element holds other posts rather than this one. A wrapper around the article itself never does
 * (a mislabelled "has-sidebar" layout). An <aside>, even inside the article, is more often a list of related
 * stories than a fact box with the article's own date.
 */
function otherPosts(element: Element, scope: Scope): boolean {
  if (NEVER_TAGS.has(element.name)) return true;
  if (MAIN_TAGS.has(element.name) || scope.wrappers.has(element)) return false;
  if (element.name === "aside" || OTHER_POSTS.test(`${attr(element, "class")} ${attr(element, "id")}`))
    return true;
  // schema.org microdata of someone else's words: a product review, a comment, a forum answer.
  return OTHER_ITEMS.test(attr(element, "itemprop")) || OTHER_ITEMS.test(attr(element, "itemtype"));
}

function excluded(node: AnyNode, scope: Scope): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isTag(current) && otherPosts(current, scope)) return true;
  }
  return false;
}

interface PageText {
  text: string;
  headline: { start: number; end: number } | null;
}

/** The page's visible text, one line per block, without other posts; where the headline sits in it. */
function pageText(root: AnyNode, scope: Scope, headline: Element | null): PageText {
  const parts: string[] = [];
  let length = 0;
  let start = -1;
  let end = -1;
  const push = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const stack: (AnyNode | { exit: Element })[] = [root];
  while (stack.length > 0 && length < MAX_TEXT_CHARS) {
    const item = stack.pop()!;
    if ("exit" in item) {
      if (isBlock(item.exit) || item.exit.name === "br") push("\n");
      if (item.exit === headline) end = length;
      continue;
    }
    if (isText(item)) push(item.data.replace(/\s+/g, " "));
    else if (isTag(item)) {
      if (otherPosts(item, scope) && !(headline && isWithin(headline, item))) continue;
      if (isBlock(item)) push("\n");
      if (item === headline) start = length;
      stack.push({ exit: item });
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
    } else if ("children" in item) {
      for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
    }
  }
  return { text: parts.join(""), headline: start >= 0 && end >= start ? { start, end } : null };
}

function labelKind(before: string): VisibleDate["kind"] {
  const tail = before.replace(/\s+/g, " ").slice(-40);
  if (UPDATED_LABEL.test(tail)) return "modified";
  if (PUBLISHED_LABEL.test(tail)) return "published";
  return "unknown";
}

/** The line holding text[index, end), looked for only within a dateline's length on either side. */
function lineAround(text: string, index: number, end: number): string {
  const before = text.slice(Math.max(0, index - MAX_DATELINE_CHARS), index);
  const after = text.slice(end, end + MAX_DATELINE_CHARS);
  const from = before.lastIndexOf("\n");
  const to = after.indexOf("\n");
  const head = from >= 0 ? before.slice(from + 1) : index > MAX_DATELINE_CHARS ? `…${before}` : before;
  const tail = to >= 0 ? after.slice(0, to) : `${after}…`;
  return `${head}${text.slice(index, end)}${tail}`;
}

/** Labelled datelines anywhere in the text, and bare ones just above or below the headline. */
function textDates(page: PageText, options: ScanOptions): VisibleDate[] {
  const found: VisibleDate[] = [];
  for (const date of findDates(page.text, options)) {
    const line = cleanText(lineAround(page.text, date.index, date.end));
    const kind = labelKind(page.text.slice(Math.max(0, date.index - 60), date.index));
    const head = page.headline;
    const nearHeadline =
      head !== null && date.index >= head.start - BEFORE_HEADLINE && date.end <= head.end + AFTER_HEADLINE;
    if (kind !== "unknown") found.push({ iso: date.iso, kind, source: "label", inArticle: nearHeadline });
    else if (nearHeadline && line.length <= MAX_DATELINE_CHARS)
      found.push({ iso: date.iso, kind, source: "headline", inArticle: true });
  }
  return found;
}

const PUBLISHED_CLASS = /publish|post-?date|entry-?date|created|erstellt|datum/i;
const MODIFIED_CLASS = /updated|modified|lastmod|last-?changed|aktualisiert|lastchanged/i;

function classKind(element: Element): VisibleDate["kind"] {
  const names = `${attr(element, "class")} ${attr(element, "id")} ${attr(element, "itemprop")}`;
  if (PUBLISHED_CLASS.test(names)) return "published";
  return MODIFIED_CLASS.test(names) ? "modified" : "unknown";
}

/** Date-named elements with a short text holding a date ("<span class="date">24.01.2022</span>"). */
function elementDates(page: PageMeta, scope: Scope, options: ScanOptions): VisibleDate[] {
  const found: VisibleDate[] = [];
  for (const element of page.dateElements) {
    const text = cleanText(textOf(element, MAX_DATELINE_CHARS + 1));
    if (text.length > MAX_DATELINE_CHARS || excluded(element, scope)) continue;
    const [date] = findDates(text, { ...options, shortYears: true });
    if (!date) continue;
    const label = labelKind(text.slice(0, date.index));
    found.push({
      iso: date.iso,
      kind: label === "unknown" ? classKind(element) : label,
      source: "element",
      inArticle: isWithin(element, scope.node),
    });
  }
  return found;
}

/** `<time datetime>`, itemprop dates and hAtom abbr's, read from the attribute or else the text. */
function markupDates(page: PageMeta, scope: Scope, options: ScanOptions): VisibleDate[] {
  const found: VisibleDate[] = [];
  for (const { element, value, kind } of page.times) {
    if (excluded(element, scope)) continue;
    const iso = parseDateText(value, options) ?? parseDateText(textOf(element, 100), options);
    if (!iso) continue;
    const named = kind === "time" ? classKind(element) : kind;
    found.push({ iso, kind: named, source: "markup", inArticle: isWithin(element, scope.node) });
  }
  return found;
}

/**
 * Every date the page shows near its article: markup dates, date-named elements, labelled datelines
 * ("Veröffentlicht am 23. März 2021", "Published: …", "Stand: …") and bare dates next to the headline.
 * `scope` is the element that holds the article (its <article>, or the body container's parent).
 */
export function visibleDates(
  page: PageMeta,
  root: AnyNode,
  scope: AnyNode,
  headline: Element | null,
  options: ScanOptions,
): VisibleDate[] {
  const article = scopeOf(scope);
  return [
    ...markupDates(page, article, options),
    ...elementDates(page, article, options),
    ...textDates(pageText(root, article, headline), options),
  ];
}
