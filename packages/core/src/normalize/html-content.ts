import type { AnyNode, Document, Element } from "domhandler";
import { isDocument, isTag, isText } from "domhandler";
import type { ParagraphKind } from "../schemas/paragraph";
import { type Block, cleanText, WHITESPACE_RUN } from "./blocks";
import { attr, isBlock, isInside, isJunk, type JunkRules } from "./html-dom";

/** Where the article lives; the document itself when a fragment has no <body> or wrapper at all. */
export type Container = Element | Document;

interface Stats {
  text: number;
  links: number;
  /** Characters of good paragraphs (enough text, few links) anywhere below. */
  paragraphText: number;
  hasBlock: boolean;
}

// Thresholds in the spirit of Mozilla Readability: shorter paragraphs are captions and labels, and a block that
// is mostly links is navigation whatever its tag.
const MIN_PARAGRAPH_CHARS = 25;
const MAX_LINK_DENSITY = 0.5;
/** Below this much paragraph text a page is a list, a form or an error page, not an article. */
export const MIN_ARTICLE_CHARS = 150;
const ANCESTOR_WEIGHTS = [1, 1 / 2, 1 / 3];
const LEAF_PARAGRAPH_TAGS = new Set(["div", "section", "td", "dd", "li", "blockquote", "article", "main"]);

const textLength = (data: string) => data.replace(WHITESPACE_RUN, " ").trim().length;

/** Text, link and paragraph sizes of every element not dropped as junk, computed bottom-up without recursion. */
function measure(root: Document, rules: JunkRules) {
  const stats = new Map<Container, Stats>();
  const scores = new Map<Container, number>();
  const stack: { node: AnyNode; done: boolean }[] = [{ node: root, done: false }];
  while (stack.length > 0) {
    const { node, done } = stack.pop()!;
    if (!done) {
      if (isTag(node) && isJunk(node, rules)) continue;
      stack.push({ node, done: true });
      if ("children" in node)
        for (let i = node.children.length - 1; i >= 0; i--)
          stack.push({ node: node.children[i]!, done: false });
      continue;
    }
    if (!isTag(node) && !isDocument(node)) continue;
    const own: Stats = { text: 0, links: 0, paragraphText: 0, hasBlock: false };
    for (const child of node.children) {
      if (isText(child)) own.text += textLength(child.data);
      const childStats = isTag(child) ? stats.get(child) : undefined;
      if (!childStats || !isTag(child)) continue;
      own.text += childStats.text;
      own.links += child.name === "a" ? childStats.text : childStats.links;
      own.paragraphText += childStats.paragraphText;
      own.hasBlock ||= childStats.hasBlock || isBlock(child);
    }
    const name = isTag(node) ? node.name : "";
    const paragraphLike = name === "p" || name === "pre" || (LEAF_PARAGRAPH_TAGS.has(name) && !own.hasBlock);
    const density = own.text > 0 ? own.links / own.text : 1;
    if (paragraphLike && own.text >= MIN_PARAGRAPH_CHARS && density < MAX_LINK_DENSITY) {
      own.paragraphText = own.text;
      let ancestor = node.parent;
      for (const weight of ANCESTOR_WEIGHTS) {
        if (!ancestor || !(isTag(ancestor) || isDocument(ancestor))) break;
        scores.set(ancestor, (scores.get(ancestor) ?? 0) + own.text * (1 - density) * weight);
        ancestor = ancestor.parent;
      }
    }
    stats.set(node, own);
  }
  return { stats, scores };
}

/**
 * The element holding the article: the page's own marker (itemprop=articleBody, <article>, <main>) when it holds
 * most of the paragraph text the best-scoring element holds, else that element. Null when nothing qualifies.
 */
export function findContainer(
  document: Document,
  articles: readonly Element[],
  rules: JunkRules,
): Container | null {
  const { stats, scores } = measure(document, rules);
  let best: Container | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) [best, bestScore] = [element, score];
  }
  if (!best) return null;
  const bestText = stats.get(best)!.paragraphText;
  const marked: Container[] = [];
  const byTextDesc = (list: Element[]) =>
    list.sort((a, b) => (stats.get(b)?.paragraphText ?? 0) - (stats.get(a)?.paragraphText ?? 0));
  const all = [...stats.keys()].filter((node): node is Element => isTag(node));
  marked.push(...byTextDesc(all.filter((el) => attr(el, "itemprop") === "articleBody")));
  marked.push(...byTextDesc(articles.filter((el) => stats.has(el))));
  marked.push(...byTextDesc(all.filter((el) => el.name === "main" || attr(el, "role") === "main")));
  const container = marked.find((el) => stats.get(el)!.paragraphText >= bestText * 0.6) ?? best;
  if (stats.get(container)!.paragraphText < MIN_ARTICLE_CHARS) return null;
  return isListing(container, articles, stats) ? null : container;
}

/** A front page: several <article> teasers inside the container and none of them holding most of its text. */
function isListing(
  container: Container,
  articles: readonly Element[],
  stats: Map<Container, Stats>,
): boolean {
  const inner = articles.filter((el) => el !== container && stats.has(el) && isInside(el, container));
  if (inner.length < 4) return false;
  const total = stats.get(container)!.paragraphText;
  return !inner.some((el) => stats.get(el)!.paragraphText >= total * 0.5);
}

const HEADING = /^h[1-6]$/;

function kindOf(element: Element): ParagraphKind | null {
  if (HEADING.test(element.name)) return "heading";
  if (element.name === "li") return "list-item";
  if (element.name === "blockquote") return "quote";
  return null;
}

/** The container's text as typed blocks in document order; <br><br> splits a block like a paragraph end. */
export function emitBlocks(container: Container, rules: JunkRules): Block[] {
  const inner: JunkRules = { ...rules, dropForms: true };
  const blocks: Block[] = [];
  const kinds: ParagraphKind[] = [];
  let buffer = "";
  let linkChars = 0;
  let anchors = 0;
  const flush = () => {
    const kind = kinds[kinds.length - 1] ?? "paragraph";
    for (const part of buffer.split(/\n[^\S\n]*\n/)) {
      const text = cleanText(part);
      if (text) blocks.push({ kind, text, linkChars: Math.round((linkChars * part.length) / buffer.length) });
    }
    buffer = "";
    linkChars = 0;
  };
  const stack: { node: AnyNode; exit: boolean }[] = [{ node: container, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (isText(node)) {
      buffer += node.data;
      if (anchors > 0) linkChars += node.data.length;
      continue;
    }
    if (isDocument(node)) {
      for (let i = node.children.length - 1; i >= 0; i--)
        stack.push({ node: node.children[i]!, exit: false });
      continue;
    }
    if (!isTag(node)) continue;
    const block = isBlock(node);
    const kind = kindOf(node);
    if (exit) {
      if (block) flush();
      if (kind) kinds.pop();
      if (node.name === "a") anchors--;
      continue;
    }
    if (node !== container && isJunk(node, inner)) continue;
    if (node.name === "br") buffer += "\n";
    if (block) flush();
    if (kind) kinds.push(kind);
    if (node.name === "a") anchors++;
    stack.push({ node, exit: true });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, exit: false });
  }
  flush();
  return blocks;
}
