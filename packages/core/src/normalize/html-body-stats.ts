import type { AnyNode, Document, Element } from "domhandler";
import { isTag, isText } from "domhandler";
import { tick } from "./budget";
import { isBlock } from "./html-dom";

/** Where the article lives; the document itself when a fragment has no <body> or wrapper at all. */
export type Container = Element | Document;

export interface Stats {
  /** Characters of visible text below. */
  text: number;
  /** Characters of that text inside links. */
  links: number;
  /** Characters of good paragraphs (enough text, few links) below. */
  paragraphText: number;
  hasBlock: boolean;
  /** Paragraph text of the largest element at or below that the page names the article body. */
  contentText: number;
}

// Thresholds in the spirit of Mozilla Readability: shorter paragraphs are captions and labels, and a block that
// is mostly links is navigation whatever its tag.
export const MIN_PARAGRAPH_CHARS = 25;
export const MAX_LINK_DENSITY = 0.5;
const LEAF_PARAGRAPH_TAGS = new Set([
  "div",
  "section",
  "td",
  "dd",
  "li",
  "blockquote",
  "article",
  "main",
  "font",
  "center",
]);
/** The Unicode spaces above Latin-1 that `\s` matches (U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000, U+FEFF). */
function isWideSpace(code: number): boolean {
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Length of the text with whitespace runs counted as one space and the ends trimmed, without building it. */
function textLength(data: string): number {
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (
      code <= 32
        ? code === 32 || (code >= 9 && code <= 13)
        : code === 160 || (code >= 0x1680 && isWideSpace(code))
    ) {
      pendingSpace = length > 0;
      continue;
    }
    if (pendingSpace) length++;
    pendingSpace = false;
    length++;
  }
  return length;
}

function emptyStats(): Stats {
  return { text: 0, links: 0, paragraphText: 0, hasBlock: false, contentText: 0 };
}

export type Credit = (owner: AnyNode | null, chars: number, density: number) => void;

/** Sizes of `node` from its children's; paragraphs found on the way are reported to `credit`. */
export function combine(
  node: Element | Document,
  stats: Map<Container, Stats>,
  credit: Credit | null,
  inLink: boolean,
): Stats {
  const own = emptyStats();
  // Text written straight into a wrapper between its blocks (<td>text<br>text<div>…</div>, old CMS output) is a
  // paragraph too: Readability wraps such runs in <p> before scoring. Runs are gathered as the children go by and
  // credited only if the node turns out to be such a wrapper. (No closures here: this runs once per element.)
  let run = 0;
  let runLinks = 0;
  let runs: number[] | undefined;
  for (const child of node.children) {
    if (isText(child)) {
      const length = textLength(child.data);
      own.text += length;
      run += length;
      continue;
    }
    if (!isTag(child)) continue;
    const childStats = stats.get(child);
    const block = isBlock(child);
    if (block) {
      if (run >= MIN_PARAGRAPH_CHARS && runLinks / run < MAX_LINK_DENSITY) {
        runs ??= [];
        runs.push(run, runLinks);
      }
      run = 0;
      runLinks = 0;
    }
    if (!childStats) continue;
    const links = child.name === "a" ? childStats.text : childStats.links;
    own.text += childStats.text;
    own.links += links;
    own.paragraphText += childStats.paragraphText;
    if (childStats.contentText > own.contentText) own.contentText = childStats.contentText;
    if (block || childStats.hasBlock) own.hasBlock = true;
    else {
      run += childStats.text;
      runLinks += links;
    }
  }
  const name = isTag(node) ? node.name : "";
  // A teaser card wrapped whole in a link (<a><h3/><p/></a>) is all link text, however its <p>s look.
  const density = inLink ? 1 : own.text > 0 ? own.links / own.text : 1;
  if (name === "p" || name === "pre" || (LEAF_PARAGRAPH_TAGS.has(name) && !own.hasBlock)) {
    if (own.text >= MIN_PARAGRAPH_CHARS && density < MAX_LINK_DENSITY) {
      own.paragraphText = own.text;
      credit?.(node.parent, own.text, density);
    }
    return own;
  }
  if (!own.hasBlock || inLink) return own;
  if (run >= MIN_PARAGRAPH_CHARS && runLinks / run < MAX_LINK_DENSITY) {
    runs ??= [];
    runs.push(run, runLinks);
  }
  for (let i = 0; runs && i < runs.length; i += 2) {
    own.paragraphText += runs[i]!;
    credit?.(node, runs[i]!, runs[i + 1]! / runs[i]!);
  }
  return own;
}

/** Every element's sizes, bottom-up without recursion (documents nest thousands deep); `skip` prunes subtrees. */
export function walk(root: Document, skip: (element: Element) => boolean, credit: Credit | null) {
  const stats = new Map<Container, Stats>();
  // The open elements from the root down, and how many children of each have been entered: a post-order walk
  // that allocates nothing per node and holds only the current path.
  const path: Container[] = [root];
  const next: number[] = [0];
  // Depth-first, so every node between an <a>'s entry and exit is inside it.
  let links = 0;
  while (path.length > 0) {
    tick();
    const top = path.length - 1;
    const node = path[top]!;
    const index = next[top]!;
    if (index < node.children.length) {
      next[top] = index + 1;
      const child = node.children[index]!;
      if (!isTag(child) || skip(child)) continue;
      if (child.name === "a") links++;
      path.push(child);
      next.push(0);
      continue;
    }
    path.pop();
    next.pop();
    if (isTag(node) && node.name === "a") links--;
    stats.set(node, combine(node, stats, credit, links > 0));
  }
  return stats;
}
