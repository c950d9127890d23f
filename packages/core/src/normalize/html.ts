import { parseDocument } from "htmlparser2";
import { type Block, cleanText, type Extraction, isPromoLine } from "./blocks";
import { parseByline } from "./byline";
import { matchLeadingDate } from "./dates";
import { NormalizeError } from "./errors";
import { boundNesting } from "./html-bound";
import { emitBlocks, findContainer } from "./html-content";
import type { JunkRules } from "./html-dom";
import { readMeta } from "./html-meta";
import { findSiteName, findTitle, readPageMetadata } from "./html-metadata";
import { extractText } from "./text";

const MAX_LINK_DENSITY = 0.5;
function isNoise(block: Block): boolean {
  const density = block.linkChars && block.text.length > 0 ? block.linkChars / block.text.length : 0;
  if (density > MAX_LINK_DENSITY) return true;
  if (isPromoLine(block.text) || parseByline(block.text)) return true;
  const date = matchLeadingDate(block.text);
  return date !== null && !date.rest;
}

const sameText = (a: string, b: string) => cleanText(a).toLowerCase() === cleanText(b).toLowerCase();

/** The body blocks without noise and without the first heading that repeats the headline. */
function cleanBlocks(blocks: readonly Block[], headlines: readonly (string | null)[]): Block[] {
  const known = headlines.filter((headline): headline is string => headline !== null);
  let headlineSeen = known.length === 0;
  return blocks.filter((block) => {
    if (
      !headlineSeen &&
      block.kind === "heading" &&
      known.some((headline) => sameText(block.text, headline))
    ) {
      headlineSeen = true;
      return false;
    }
    return !isNoise(block);
  });
}

// Some pages give every wrapper a class that reads like furniture ("has-sidebar", "no-ads"): when judging by
// class names finds nothing, judge by tags alone.
const RULES: readonly JunkRules[] = [
  { byName: true, dropForms: false },
  { byName: false, dropForms: false },
];

/** An HTML page to the article it carries: metadata from the head and JSON-LD, blocks from the main container. */
export function extractHtml(html: string): Extraction {
  // Text sent as HTML (a text/plain response, a paste without markup) keeps its paragraphs only as text.
  if (!/<[A-Za-z!/?]/.test(html)) return extractText(html);
  const document = parseDocument(boundNesting(html), { decodeEntities: true });
  const page = readMeta(document);
  const siteName = findSiteName(page);
  const title = findTitle(page, siteName);
  for (const rules of RULES) {
    const container = findContainer(document, page.articles, rules);
    if (!container) continue;
    const blocks = cleanBlocks(emitBlocks(container, { ...rules, dropForms: true }), [title, page.firstH1]);
    if (!blocks.some((block) => block.kind !== "heading")) continue;
    return { ...readPageMetadata(page, container, title, siteName), blocks, captions: [], digest: null };
  }
  throw new NormalizeError("no-article", "no article found");
}
