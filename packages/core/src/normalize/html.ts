import type { Element } from "domhandler";
import { isTag } from "domhandler";
import { parseDocument } from "htmlparser2";
import type { Extraction } from "./blocks";
import { checkBudget, countsMoreElementsThan, DEFAULT_NORMALIZE_LIMITS } from "./budget";
import { NormalizeError } from "./errors";
import { emitBody } from "./html-body-emit";
import { cleanBody } from "./html-body-filter";
import { looksLikeListing } from "./html-body-listing";
import { measure } from "./html-body-score";
import { boundNesting } from "./html-bound";
import { collectCaptions } from "./html-captions";
import { type Container, type Selection, selectBody, underHeadline } from "./html-content";
import { isInside } from "./html-dom";
import { readMeta } from "./html-meta";
import { findSiteName, findTitle, readPageMetadata } from "./html-metadata";
import { extractText } from "./text";

// The picture above the headline and its caption sit in the article element, a few levels above the body.
const CAPTION_SCOPE_LEVELS = 4;

/** Where the article's captions are looked for: the <article> around the body, or what holds all its parts. */
function captionScope(selection: Selection): Container {
  let scope: Container = selection.container;
  while (scope.parent && !selection.parts.every((part) => isInside(part, scope)))
    scope = scope.parent as Container;
  let node: Container | null = scope;
  for (let level = 0; node && isTag(node) && level < CAPTION_SCOPE_LEVELS; level++) {
    if (node.name === "article") return node;
    node = node.parent as Element | null;
  }
  return scope;
}

const noArticle = () => new NormalizeError("no-article", "no article found");

/**
 * An HTML page to the article it carries: metadata from the head and JSON-LD, blocks from the main container.
 * Pages opening more than `maxElements` elements are refused before parsing; deeper nesting than MAX_NESTING is
 * flattened (its text kept) rather than refused, since old pages leave thousands of tags unclosed.
 */
export function extractHtml(html: string, maxElements = DEFAULT_NORMALIZE_LIMITS.maxElements): Extraction {
  // Text sent as HTML (a text/plain response, a paste without markup) keeps its paragraphs only as text.
  if (!/<[A-Za-z!/?]/.test(html)) return extractText(html);
  if (countsMoreElementsThan(html, maxElements)) {
    throw new NormalizeError(
      "too-large",
      `page too complex: more than ${maxElements.toLocaleString("en-US")} elements (the limit)`,
    );
  }
  const document = parseDocument(boundNesting(html), { decodeEntities: true });
  checkBudget();
  const page = readMeta(document);
  const siteName = findSiteName(page);
  const title = findTitle(page, siteName);
  const measured = measure(document);
  checkBudget();
  let selection = selectBody(document, measured, page.articles, title);
  if (!selection) throw noArticle();
  checkBudget();
  let emitted = emitBody(selection.parts, measured, selection.leads);
  if (looksLikeListing(emitted)) {
    // The teaser grid outweighed a short article; the page's headline says where the article is, if anywhere.
    selection = underHeadline(document, measured, title, selection.container);
    if (!selection) throw noArticle();
    emitted = emitBody(selection.parts, measured, selection.leads);
    if (looksLikeListing(emitted)) throw noArticle();
  }
  const captions = collectCaptions(captionScope(selection), measured);
  const body = cleanBody(emitted, captions, [title, page.firstH1]);
  if (!body.blocks.some((block) => block.kind !== "heading")) throw noArticle();
  return {
    ...readPageMetadata(page, selection.container, title, siteName),
    blocks: body.blocks,
    captions: body.captions,
    digest: null,
  };
}
