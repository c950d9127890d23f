import type { AnyNode, Element } from "domhandler";
import { isDocument, isTag, isText } from "domhandler";
import type { ParagraphKind } from "../schemas/paragraph";
import { type Block, cleanText } from "./blocks";
import { tick } from "./budget";
import type { Container, Measured } from "./html-body-score";
import { captionRole, isCaptionUnit } from "./html-captions";
import { isFurnitureLabel } from "./html-body-labels";
import { isBlock, textOf } from "./html-dom";

/** A block as emitted, with what the layout said about it. */
export interface BodyBlock extends Block {
  /** An image came between the previous block and this one: a short line here is likely its caption. */
  afterImage: boolean;
}

const HEADING = /^h[1-6]$/;
// A paragraph this long with few links is article text again after a furniture label, whatever came before it.
const RESUMING_PARAGRAPH_CHARS = 150;
const IMAGE_TAGS = new Set(["img", "picture", "video", "figure"]);

function isLabel(node: Element, chars: number): boolean {
  return chars <= 80 && isFurnitureLabel(cleanText(textOf(node, 100)));
}

// A table row is data when its cells hold a few words each and no blocks of their own.
const MAX_ROW_CHARS = 500;

function isDataRow(row: Element, measured: Measured): boolean {
  const sizes = measured.stats.get(row);
  if (!sizes || sizes.text > MAX_ROW_CHARS) return false;
  let cells = 0;
  for (const child of row.children) {
    if (!isTag(child) || (child.name !== "td" && child.name !== "th")) continue;
    if (measured.stats.get(child)?.hasBlock) return false;
    cells++;
  }
  return cells >= 2;
}

function kindOf(element: Element): ParagraphKind | null {
  if (HEADING.test(element.name)) return "heading";
  if (element.name === "li") return "list-item";
  if (element.name === "blockquote") return "quote";
  return null;
}

/**
 * The parts' text as typed blocks in document order; <br><br> splits a block like a paragraph end. Only elements
 * the measuring pass kept (not junk, not furniture) are read; captions are skipped (collectCaptions reads them),
 * and a furniture label ("Mehr zum Thema") skips what follows it up to the next heading or real paragraph.
 */
export function emitBody(
  parts: readonly Container[],
  measured: Measured,
  leads: ReadonlySet<Container> = new Set(),
): BodyBlock[] {
  const { stats, raw } = measured;
  const blocks: BodyBlock[] = [];
  const kinds: ParagraphKind[] = [];
  let buffer = "";
  let linkChars = 0;
  let anchors = 0;
  let afterImage = false;
  const flush = () => {
    const kind = kinds[kinds.length - 1] ?? "paragraph";
    for (const part of buffer.split(/\n[^\S\n]*\n/)) {
      const text = cleanText(part);
      if (!text) continue;
      blocks.push({
        kind,
        text,
        linkChars: Math.round((linkChars * part.length) / buffer.length),
        afterImage,
      });
      afterImage = false;
    }
    buffer = "";
    linkChars = 0;
  };
  // Rows of a data table read as one line each, "cell | cell"; layout tables keep each cell a block.
  const dataRows = new Set<AnyNode>();
  // Parents whose children after a furniture label ("Mehr zum Thema") are skipped, up to the next heading.
  const labelled = new Set<AnyNode>();
  const resumes = (node: Element) => {
    if (HEADING.test(node.name)) return !isFurnitureLabel(cleanText(textOf(node, 100)));
    const sizes = stats.get(node);
    return !!sizes && sizes.paragraphText >= RESUMING_PARAGRAPH_CHARS && sizes.links < sizes.text * 0.2;
  };
  // A standfirst found in the article's <header> is read with everything the page shows in it.
  const stack: { node: AnyNode; exit: boolean; lead: boolean }[] = [];
  for (let i = parts.length - 1; i >= 0; i--)
    stack.push({ node: parts[i]!, exit: false, lead: leads.has(parts[i]!) });
  while (stack.length > 0) {
    tick();
    const { node, exit, lead } = stack.pop()!;
    if (!exit && node.parent && labelled.has(node.parent)) {
      if (!isTag(node) || !resumes(node)) continue;
      labelled.delete(node.parent);
    }
    if (isText(node)) {
      buffer += node.data;
      if (anchors > 0) linkChars += node.data.length;
      continue;
    }
    if (isDocument(node)) {
      for (let i = node.children.length - 1; i >= 0; i--)
        stack.push({ node: node.children[i]!, exit: false, lead });
      continue;
    }
    if (!isTag(node)) continue;
    const cell =
      (node.name === "td" || node.name === "th") && node.parent !== null && dataRows.has(node.parent);
    const block = isBlock(node) && !cell;
    const kind = kindOf(node);
    if (exit) {
      if (block) flush();
      if (kind) kinds.pop();
      if (node.name === "a") anchors--;
      continue;
    }
    if (IMAGE_TAGS.has(node.name)) afterImage = true;
    // Captions are collected from the whole article by collectCaptions.
    if (node.name === "figcaption" || isCaptionUnit(node, measured)) {
      if (block || captionRole(node) === "caption") flush();
      afterImage = true;
      continue;
    }
    if (!stats.has(node) && !(lead && raw.has(node))) continue;
    const sizes = stats.get(node) ?? raw.get(node)!;
    // Labels come as headings, paragraphs, or a bare <div>/<li> holding one line.
    if (
      (HEADING.test(node.name) || node.name === "p" || (block && !sizes.hasBlock)) &&
      isLabel(node, sizes.text)
    ) {
      if (node.parent) labelled.add(node.parent);
      continue;
    }
    if (node.name === "br") buffer += "\n";
    if (node.name === "tr" && isDataRow(node, measured)) dataRows.add(node);
    if (cell && buffer.trim()) buffer += " | ";
    if (block) flush();
    if (kind) kinds.push(kind);
    if (node.name === "a") anchors++;
    stack.push({ node, exit: true, lead });
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i]!, exit: false, lead });
  }
  flush();
  return blocks;
}
