import type { AnyNode, Document, Element } from "domhandler";
import { isDocument, isTag } from "domhandler";
import { type ElementRole, nameBits, roleOf } from "./html-boilerplate";
import { THREAD } from "./html-body-names";
import {
  type Container,
  type Credit,
  combine,
  MIN_PARAGRAPH_CHARS,
  type Stats,
  walk,
} from "./html-body-stats";
import { attr, isHidden } from "./html-dom";

export { type Container, MAX_LINK_DENSITY, MIN_PARAGRAPH_CHARS, type Stats } from "./html-body-stats";

export interface Measured {
  /** Sizes with page furniture left out; only elements that survived are keys. */
  stats: Map<Container, Stats>;
  /** Sizes of everything the page shows, furniture included (hidden elements are never keys). */
  raw: Map<Container, Stats>;
  /** Readability-style scores: paragraph text credited to the paragraph's parent, grandparent and beyond. */
  scores: Map<Container, number>;
  /** The junk, furniture and named article bodies among the elements shown; elements without a role are absent. */
  roles: Map<Element, Exclude<ElementRole, null>>;
  /** Elements the page names as its content: articleBody and content classes, <main>, role=main. */
  marked: Element[];
  /** Paragraph text of the whole document, furniture included. */
  total: number;
}

const ANCESTOR_WEIGHTS = [1, 1 / 2, 1 / 3];
// Furniture (a layout class, an unclosed <header>) that holds this share of the page's paragraph text is the
// page's wrapper, not furniture; the article body named as such inside anything rescues it at a lower share.
const DOMINANT_SHARE = 0.5;
const CONTENT_SHARE = 0.3;

// Less paragraph text than this outside junk is no text at all (MIN_ARTICLE_CHARS in html-content).
const NO_TEXT = 80;
// Found outside furniture, this much paragraph text is an article whatever the furniture holds.
const ENOUGH_TEXT = 2000;

function bestText(stats: Map<Container, Stats>, scores: Map<Container, number>): number {
  let best: Container | null = null;
  let bestScore = 0;
  for (const [node, score] of scores)
    if (score > bestScore && stats.has(node)) [best, bestScore] = [node, score];
  return best ? stats.get(best)!.paragraphText : 0;
}

/** Readability's credit: a paragraph's text goes to its parent, half of it to the grandparent, a third beyond. */
function scoreCredit(scores: Map<Container, number>): Credit {
  return (owner, chars, density) => {
    let ancestor = owner;
    for (const weight of ANCESTOR_WEIGHTS) {
      if (!ancestor || !(isTag(ancestor) || isDocument(ancestor))) break;
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + chars * (1 - density) * weight);
      ancestor = ancestor.parent;
    }
  };
}

/** Paragraphs found by the walk, as three parallel lists (no object per paragraph). */
interface Paragraphs {
  owners: (AnyNode | null)[];
  chars: number[];
  densities: number[];
}

/**
 * One walk that measures the page twice over: everything it shows (`raw`), and what is left once junk and
 * furniture are dropped (`stats`). An element drops when it leaves the walk, so the paragraphs found inside it —
 * the last ones recorded — are simply forgotten; elements with nothing dropped below share their raw sizes.
 * Furniture is kept when it wraps the article body the page names (a marker with real text inside).
 */
function measureOnce(document: Document) {
  const raw = new Map<Container, Stats>();
  const stats = new Map<Container, Stats>();
  const roles = new Map<Element, Exclude<ElementRole, null>>();
  const marked: Element[] = [];
  const paragraphs: Paragraphs = { owners: [], chars: [], densities: [] };
  const record: Credit = (owner, chars, density) => {
    paragraphs.owners.push(owner);
    paragraphs.chars.push(chars);
    paragraphs.densities.push(density);
  };
  // Elements with something dropped below them; only those are measured a second time.
  const pruned = new Set<Container>();
  const rescued: Stats[] = [];
  let droppedText = 0;
  const path: Container[] = [document];
  const next: number[] = [0];
  // Per open element: how many paragraphs had been recorded, and how many elements measured, when it was entered.
  const recorded: number[] = [0];
  const measured: Container[] = [];
  const entered: number[] = [0];
  let links = 0;
  while (path.length > 0) {
    const top = path.length - 1;
    const node = path[top]!;
    const index = next[top]!;
    if (index < node.children.length) {
      next[top] = index + 1;
      const child = node.children[index]!;
      if (!isTag(child) || isHidden(child) || child.name === "figcaption") continue;
      if (child.name === "a") links++;
      path.push(child);
      next.push(0);
      recorded.push(paragraphs.chars.length);
      entered.push(measured.length);
      continue;
    }
    path.pop();
    next.pop();
    const start = recorded.pop()!;
    const first = entered.pop()!;
    if (isTag(node) && node.name === "a") links--;
    const inLink = links > 0;
    let own: Stats;
    if (pruned.has(node)) {
      own = combine(node, raw, null, inLink);
      stats.set(node, combine(node, stats, record, inLink));
    } else {
      own = combine(node, raw, record, inLink);
      stats.set(node, own);
    }
    raw.set(node, own);
    measured.push(node);
    const parent = node.parent as Container | null;
    if (!isTag(node)) continue;
    const role = roleOf(node);
    if (role) roles.set(node, role);
    if (role === "content" || node.name === "main" || attr(node, "role") === "main") {
      own.contentText = Math.max(own.contentText, own.paragraphText);
      marked.push(node);
    }
    if (role !== "junk" && role !== "furniture") {
      if (parent && pruned.has(node)) pruned.add(parent);
      continue;
    }
    if (own.contentText >= MIN_PARAGRAPH_CHARS) {
      rescued.push(own);
      if (parent && pruned.has(node)) pruned.add(parent);
      continue;
    }
    if (role === "furniture") droppedText = Math.max(droppedText, own.paragraphText);
    // Everything measured inside the dropped element goes with it (and leaves the list, so no element is
    // forgotten twice when furniture nests in furniture).
    for (let i = first; i < measured.length; i++) stats.delete(measured[i]!);
    measured.length = first;
    paragraphs.owners.length = start;
    paragraphs.chars.length = start;
    paragraphs.densities.length = start;
    if (parent) pruned.add(parent);
  }
  return { raw, stats, roles, marked, paragraphs, rescued, droppedText };
}

/**
 * Sizes and scores with page furniture left out — unless that furniture wraps the article body the page names,
 * or, when little text is left outside it, holds most of the page's text (an unclosed <header>, a theme that
 * calls the article column "sidebar__main").
 */
export function measure(document: Document): Measured {
  const once = measureOnce(document);
  const { raw, roles, marked } = once;
  const total = raw.get(document)?.paragraphText ?? 0;
  let { stats, droppedText } = once;
  let scores = new Map<Container, number>();
  const credit = scoreCredit(scores);
  const { owners, chars, densities } = once.paragraphs;
  for (let i = 0; i < chars.length; i++) credit(owners[i]!, chars[i]!, densities[i]!);

  // The walk rescued furniture around any named article body; a body holding a small share of the page is not
  // worth keeping its furniture for, so the page is measured again the slow way.
  const minContent = Math.max(MIN_PARAGRAPH_CHARS, total * CONTENT_SHARE);
  // Rescue levels: 0 drops all junk and furniture, 1 keeps furniture that holds most of the page, 2 also keeps
  // comment threads (a forum thread or a guestbook is nothing but "comments").
  const dropper = (rescue: number) => (element: Element) => {
    if (isHidden(element) || element.name === "figcaption") return true;
    const role = roles.get(element);
    if (role !== "junk" && role !== "furniture") return false;
    const sizes = raw.get(element);
    if (!sizes || total === 0) return true;
    if (sizes.contentText >= minContent) return false;
    if (role === "junk" && rescue >= 2 && nameBits(element) & THREAD) return false;
    if (role === "furniture" && rescue >= 1 && sizes.paragraphText >= total * DOMINANT_SHARE) return false;
    if (role === "furniture") droppedText = Math.max(droppedText, sizes.paragraphText);
    return true;
  };
  const again = (rescue: number) => {
    scores = new Map<Container, number>();
    stats = walk(document, dropper(rescue), scoreCredit(scores));
  };
  if (once.rescued.some((sizes) => sizes.contentText < minContent)) again(0);
  // Text outside furniture is preferred; furniture is read as the page's wrapper only when what is left outside
  // is small next to it.
  if (bestText(stats, scores) < Math.min(ENOUGH_TEXT, droppedText * 0.5)) again(1);
  // A page with no text at all outside its "comments" is a forum thread, a guestbook or a live ticker.
  if (bestText(stats, scores) < NO_TEXT) again(2);
  return { stats, raw, scores, roles, marked, total };
}
