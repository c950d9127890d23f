import type { Block } from "./blocks";

// A teaser headline is a line; longer linked text is a paragraph somebody wrapped in a link.
const MAX_LINK_LINE_CHARS = 200;

/** A block that is a link and little else: a teaser's headline, a search hit's title, a "learn more". */
const isLinkLine = (block: Block) =>
  block.text.length <= MAX_LINK_LINE_CHARS && (block.linkChars ?? 0) >= block.text.length * 0.8;
// Front, section, tag and search pages list at least this many teasers; an article's "related" box lists fewer
// or stands apart from the text, which then outweighs it.
const MIN_TEASERS = 4;
const MAX_SEGMENT_SHARE = 0.4;
const MAX_PARAGRAPHS_PER_TEASER = 1.5;
const MIN_PARAGRAPH_CHARS = 60;

/**
 * A home, section, tag or search-results page: the text comes in many short pieces, each under its own linked
 * headline, and no piece dominates. An article with a few "read more" links between its paragraphs keeps runs of
 * several paragraphs between them, and one run or another holds much of the text.
 */
export function looksLikeListing(blocks: readonly Block[]): boolean {
  const segments: { chars: number; paragraphs: number }[] = [{ chars: 0, paragraphs: 0 }];
  let teasers = 0;
  for (const block of blocks) {
    // Teasers are headed by a linked headline; link lists and calls to action between paragraphs are neither
    // teasers nor text.
    if (block.kind === "heading" && isLinkLine(block)) {
      teasers++;
      segments.push({ chars: 0, paragraphs: 0 });
      continue;
    }
    if (block.kind === "heading" || isLinkLine(block)) continue;
    const segment = segments[segments.length - 1]!;
    segment.chars += block.text.length;
    // Kickers, datelines and "3 comments" under a teaser are not its text.
    if (block.text.length >= MIN_PARAGRAPH_CHARS) segment.paragraphs++;
  }
  if (teasers < MIN_TEASERS) return false;
  const total = segments.reduce((sum, segment) => sum + segment.chars, 0);
  if (total === 0) return true;
  const withText = segments.filter((segment) => segment.paragraphs > 0);
  const largest = Math.max(...withText.map((segment) => segment.chars));
  const paragraphs = withText.reduce((sum, segment) => sum + segment.paragraphs, 0);
  return largest < total * MAX_SEGMENT_SHARE && paragraphs / teasers <= MAX_PARAGRAPHS_PER_TEASER;
}
