import { type Block, cleanText } from "./blocks";

const MAX_DERIVED_TITLE = 120;
// A full stop after these does not end the sentence ("U.S. President", "Mr. Kishida").
const ABBREVIATION =
  /(?:\b\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|etc|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Mt|Ft))\.$/u;

function firstSentence(text: string): string {
  const head = text.slice(0, 600);
  const boundary = /[.!?。！？]["'”’»)]*(?:\s+|$)/g;
  for (let m = boundary.exec(head); m; m = boundary.exec(head)) {
    const end = m.index + m[0].trimEnd().length;
    if (/[.]$/.test(head.slice(0, m.index + 1)) && ABBREVIATION.test(head.slice(0, m.index + 1))) continue;
    return head.slice(0, end);
  }
  return head;
}

/** Cut at the last word boundary that fits, with an ellipsis; CJK text (no spaces) is cut at the limit. */
export function truncateTitle(text: string, max = MAX_DERIVED_TITLE): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(" ");
  const cut = space >= max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:–—-]+$/, "")}…`;
}

/** A title for a document that has none: its first heading if it opens with one, else its first sentence. */
export function deriveTitle(blocks: readonly Block[]): string {
  const first = blocks.find((block) => cleanText(block.text));
  if (!first) return "Untitled";
  const text = cleanText(first.text);
  return truncateTitle(first.kind === "heading" ? text : firstSentence(text));
}

const SEPARATOR = / (\||–|—|-|::|»|·) /g;

// "Nippon.com", "The Japan Times", "CAIXIN GLOBAL": short, every word capitalized or a domain.
function looksLikeSiteName(part: string, siteName: string | null, separator: string): boolean {
  if (siteName && part.toLowerCase() === siteName.toLowerCase()) return true;
  if (/^[\w-]+(?:\.[\w-]+)+$/.test(part)) return true;
  const words = part.split(" ");
  if (words.length > (separator === "|" ? 4 : 3)) return false;
  return words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || word === "of" || word === "the");
}

/** "Takaichi’s Gamble | Nippon.com" → "Takaichi’s Gamble": drops the site name from either end of a <title>. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const separators = [...title.matchAll(SEPARATOR)];
  const last = separators[separators.length - 1];
  if (last) {
    const suffix = title.slice(last.index + last[0].length);
    const rest = title.slice(0, last.index);
    if (rest.length > suffix.length && looksLikeSiteName(suffix, siteName, last[1]!)) return rest;
  }
  const first = separators[0];
  if (first && siteName) {
    const prefix = title.slice(0, first.index);
    if (prefix.toLowerCase() === siteName.toLowerCase()) return title.slice(first.index + first[0].length);
  }
  return title;
}
