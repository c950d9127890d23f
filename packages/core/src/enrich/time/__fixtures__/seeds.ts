import type { Paragraph } from "../../../schemas/paragraph";
import { CAIXIN_SEED, NIPPON_SEED, readSeed } from "../../../normalize/__fixtures__/seeds";

/**
 * The seed articles as paragraphs, shaped as the normalizer gives them (dateline stripped, the editor's end
 * note as a `note`, "- " items as list items) without depending on the normalizer here.
 */
function toParagraphs(blocks: string[]): Paragraph[] {
  return blocks
    .map((b) => b.trim())
    .filter(Boolean)
    .map((text, i) => {
      const item = /^-\s+/.exec(text);
      const kind = text.startsWith("(Originally published") ? "note" : item ? "list-item" : "paragraph";
      return { n: i + 1, kind, text: item ? text.slice(item[0].length) : text };
    });
}

/** nippon.com, published 2026-03-12 (the `date` line the normalizer takes as publishedAt and strips). */
export const nipponParagraphs = (): Paragraph[] =>
  toParagraphs(readSeed(NIPPON_SEED).replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s+/, "").split(/\n\s*\n/));

/** Caixin, no publication date in the text; one paragraph per line. */
export const caixinParagraphs = (): Paragraph[] => toParagraphs(readSeed(CAIXIN_SEED).split("\n"));
