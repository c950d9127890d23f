import type { AnyNode, Document, Element } from "domhandler";
import { isTag } from "domhandler";
import { type Container, MAX_LINK_DENSITY, type Measured, type Stats } from "./html-body-score";
import { cleanText } from "./blocks";
import { isLead } from "./html-boilerplate";
import { attr, elements, isInside, textOf } from "./html-dom";

export type { Container } from "./html-body-score";

/** The article's container and, in document order, the parts to read: the container and the siblings that belong. */
export interface Selection {
  container: Container;
  parts: Container[];
  /** Parts read even where they sit in furniture: standfirsts inside an article's <header>. */
  leads: ReadonlySet<Container>;
}

/** Below this much paragraph text a page is a list, a form or an error page, not an article. */
export const MIN_ARTICLE_CHARS = 80;
// A container the page names (articleBody, <article>, <main>) replaces the best-scoring element when it holds
// this share of that element's paragraph text: the page knows its layout better than a score does.
const MARKED_SHARE = 0.6;

/** The best-scoring element, or the page's own marker for the article when it holds most of that element's text. */
function chooseContainer(measured: Measured, articles: readonly Element[]): Container | null {
  const { stats, scores, roles } = measured;
  let best: Container | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore && stats.has(element)) [best, bestScore] = [element, score];
  }
  if (!best) return null;
  const bestText = stats.get(best)!.paragraphText;
  const byTextDesc = (list: Element[]) =>
    list.sort((a, b) => (stats.get(b)?.paragraphText ?? 0) - (stats.get(a)?.paragraphText ?? 0));
  const content: Element[] = [];
  const main: Element[] = [];
  for (const element of measured.marked) {
    if (!stats.has(element)) continue;
    if (roles.get(element) === "content") content.push(element);
    else main.push(element);
  }
  const marked = [
    ...byTextDesc(content),
    ...byTextDesc(articles.filter((el) => stats.has(el))),
    ...byTextDesc(main),
  ];
  const chosen = marked.find((el) => stats.get(el)!.paragraphText >= bestText * MARKED_SHARE) ?? best;
  return climb(chosen, measured);
}

// An ancestor that holds this much more paragraph text than the container holds more of the article. On the
// development pages 1.2 starts to take in unlabelled sidebars and 1.5 leaves split articles in pieces.
const CLIMB_GAIN = 1.3;
const BODY_CLIMB_GAIN = 2;
// Navigation that escaped the furniture rules shows as links; an ancestor this linky is the page, not the article.
const MAX_CLIMB_LINK_DENSITY = 0.3;

/** An article split over several blocks (intro, sections, boxes): the ancestor that gathers them. */
function climb(start: Container, measured: Measured): Container {
  const { stats } = measured;
  let current = start;
  for (let parent = current.parent; parent && isTag(parent); parent = parent.parent) {
    if (parent.name === "html") break;
    // The whole <body> is the article only on one-page layouts, where it holds far more text than any block.
    const gainNeeded = parent.name === "body" ? BODY_CLIMB_GAIN : CLIMB_GAIN;
    const sizes = stats.get(parent);
    if (!sizes) break;
    const gathers = sizes.paragraphText >= stats.get(current)!.paragraphText * gainNeeded;
    if (gathers && density(sizes) < MAX_CLIMB_LINK_DENSITY) current = parent;
  }
  return current;
}

const density = (sizes: Stats) => (sizes.text > 0 ? sizes.links / sizes.text : 0);

/**
 * Readability's sibling rule: a sibling of the container joins when it scores a fifth of the container's score,
 * or is a paragraph of real text with few links (a lead or standfirst set apart from the body by the layout).
 */
function withSiblings(container: Container, measured: Measured): Container[] {
  const parent = container.parent;
  if (!isTag(container) || !parent || !("children" in parent)) return [container];
  const { stats, scores } = measured;
  const threshold = Math.max(10, (scores.get(container) ?? 0) * 0.2);
  const parts: Container[] = [];
  for (const sibling of parent.children) {
    if (sibling === container) {
      parts.push(container);
      continue;
    }
    if (!isTag(sibling)) continue;
    const sizes = stats.get(sibling);
    if (!sizes || sizes.text === 0) continue;
    // Readability lets a scored sibling of the same class (the article split into equal blocks) join on any score.
    const score = scores.get(sibling);
    const sameClass = !!attr(sibling, "class") && attr(sibling, "class") === attr(container, "class");
    if (score !== undefined && (score >= threshold || sameClass)) parts.push(sibling);
    else if (sibling.name === "p" && sizes.paragraphText > 0) {
      if (sizes.text > 80 && density(sizes) < 0.25) parts.push(sibling);
      else if (density(sizes) === 0) parts.push(sibling);
    }
  }
  return parts;
}

/**
 * A front page: four or more <article> teasers inside the container that together hold most of its text, none
 * of them most of it. Teaser cards embedded in one long article hold little of its text.
 */
function isListing(container: Container, articles: readonly Element[], measured: Measured): boolean {
  const { stats } = measured;
  const inner = articles.filter((el) => el !== container && stats.has(el) && isInside(el, container));
  if (inner.length < 4) return false;
  const total = stats.get(container)!.text;
  let teaserText = 0;
  for (const el of inner) {
    const text = stats.get(el)!.text;
    if (text >= total * 0.5) return false;
    teaserText += text;
  }
  return teaserText >= total * 0.5;
}

// How far from the container a standfirst is looked for: its wrappers up to this many levels, a few siblings each.
const LEAD_LEVELS = 4;
const LEAD_SIBLINGS = 6;
const LEAD_NODES = 300;

/**
 * Standfirsts set apart from the body (`p.lead`, `.article-intro`, `[itemprop=description]`) before the
 * container, within a few levels of it: the first paragraph of the article, which the body often lacks.
 */
function findLeads(container: Container, parts: readonly Container[], measured: Measured): Element[] {
  const leads: Element[] = [];
  let current: Container = container;
  for (let level = 0; level < LEAD_LEVELS; level++) {
    const parent = current.parent;
    if (!parent || !isTag(parent) || parent.name === "body") break;
    const siblings = parent.children;
    let seen = 0;
    for (let i = siblings.indexOf(current) - 1; i >= 0 && seen < LEAD_SIBLINGS; i--) {
      const sibling = siblings[i]!;
      if (!isTag(sibling) || !measured.raw.has(sibling)) continue;
      seen++;
      const found = leadIn(sibling, measured);
      if (found && !inTeaser(found, sibling) && !parts.some((part) => isInside(found, part)))
        leads.unshift(found);
    }
    current = parent;
  }
  const inside = headerLead(container, measured);
  if (inside) leads.push(inside);
  return leads;
}

/** A summary in a list item or in an <article> of its own above the story is another story's teaser. */
function inTeaser(lead: Element, root: Element): boolean {
  for (let node: AnyNode | null = lead; node && isTag(node) && node !== root; node = node.parent) {
    if (node.name === "li" || node.name === "article") return true;
  }
  return root.name === "li" || root.name === "article";
}

/**
 * A standfirst in the article's own <header> inside the container: the body's reading skips that header as
 * furniture, so the lead is read as a part of its own, before the container.
 */
function headerLead(container: Container, measured: Measured): Element | null {
  let visited = 0;
  for (const element of elements(container)) {
    if (++visited > LEAD_NODES) break;
    if (element.name === "header" && !measured.stats.has(element) && measured.raw.has(element))
      return leadIn(element, measured);
  }
  return null;
}

/**
 * The first lead element at or under `root` that reads as a paragraph (some text, few links). The article's own
 * <header> is furniture to the body, but it is where standfirsts live, so the search enters it.
 */
function leadIn(root: Element, measured: Measured): Element | null {
  const stack: { element: Element; inHeader: boolean }[] = [{ element: root, inHeader: false }];
  for (let visited = 0; stack.length > 0 && visited < LEAD_NODES; visited++) {
    const { element, inHeader } = stack.pop()!;
    const header = inHeader || (element.name === "header" && measured.roles.get(element) !== "junk");
    const sizes = measured.stats.get(element) ?? (header ? measured.raw.get(element) : undefined);
    if (!sizes) continue;
    if (isLead(element)) {
      return sizes.text >= 30 && sizes.text <= 1500 && sizes.links < sizes.text * 0.3 ? element : null;
    }
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i]!;
      if (isTag(child)) stack.push({ element: child, inHeader: header });
    }
  }
  return null;
}

const sameText = (a: string, b: string) => cleanText(a).toLowerCase() === cleanText(b).toLowerCase();

// How many top-level headings are compared with the title, and how far above its headline an article starts.
const MAX_HEADLINES = 50;
const HEADLINE_LEVELS = 6;

/**
 * The block under the page's own headline (an h1–h3 that reads as the title), for pages where the best-scoring
 * block is a list of teasers: a short article above a bigger "more news" grid, or one article among several
 * run whole on the page. Null when no headline outside the list leads to real text.
 */
export function underHeadline(
  document: Document,
  measured: Measured,
  title: string | null,
  listing: Container,
): Selection | null {
  if (!title) return null;
  let headings = 0;
  for (const heading of elements(document)) {
    if (!/^h[1-3]$/.test(heading.name)) continue;
    if (++headings > MAX_HEADLINES) break;
    if (!measured.raw.has(heading) || !sameText(textOf(heading, 500), title)) continue;
    let node: AnyNode | null = heading.parent;
    for (let level = 0; node && isTag(node) && level < HEADLINE_LEVELS; level++, node = node.parent) {
      // An ancestor of the list is the list again.
      if (isInside(listing, node)) break;
      const sizes = measured.stats.get(node);
      if (sizes && sizes.paragraphText >= MIN_ARTICLE_CHARS)
        return { container: node, parts: [node], leads: new Set() };
    }
  }
  return null;
}

/** Where the article is, or null for pages without one (no paragraph text, or a list of teasers). */
export function selectBody(
  document: Document,
  measured: Measured,
  articles: readonly Element[],
  title: string | null,
): Selection | null {
  const container = chooseContainer(measured, articles);
  if (!container) return null;
  const sizes = measured.stats.get(container)!;
  if (sizes.paragraphText < MIN_ARTICLE_CHARS || density(sizes) > MAX_LINK_DENSITY) return null;
  if (isListing(container, articles, measured)) return underHeadline(document, measured, title, container);
  const parts = withSiblings(container, measured);
  const leads = findLeads(container, parts, measured);
  return { container, parts: [...leads, ...parts], leads: new Set(leads) };
}
