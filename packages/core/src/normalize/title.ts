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

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  quot: '"',
  apos: "'",
  lt: "<",
  gt: ">",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

/**
 * Entities left in a title that the page escaped twice ("Record of the Week: &#8216;Pale Blue Dot&#8217;"):
 * the parser decoded one layer, the CMS had added two.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (whole, dec, hex, name) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : Number.parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

const SEPARATOR = / (\||–|—|-|::|»|·|\/) /g;

/** "www.Nippon.com" → "nippon": the part of a name or domain that both spellings of a site share. */
function siteKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?(?:www\.)?/, "")
    .replace(/\.(?:com|org|net|co\.uk|de|fr|es|it|nl|at|ch|jp|cn|kr|ru|info|news)$/, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

// Words that many sites' names share, so sharing one says nothing ("SPIEGEL ONLINE" and "DER SPIEGEL" share
// "spiegel", which does).
const GENERIC_SITE_WORDS = new Set(
  "the der die das le la el il de online news daily times post zeitung magazin magazine media group www com".split(
    " ",
  ),
);

export function sameSite(part: string, siteName: string): boolean {
  const [a, b] = [siteKey(part), siteKey(siteName)];
  if (a.length < 3 || b.length < 3) return a === b && a.length > 0;
  if (a === b || a.includes(b) || b.includes(a)) return true;
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 4 && !GENERIC_SITE_WORDS.has(word));
  const known = new Set(words(siteName));
  return words(part).some((word) => known.has(word));
}

// "Nippon.com", "The Japan Times", "CAIXIN GLOBAL": short, every word capitalized or a domain.
function looksLikeSiteName(part: string, siteName: string | null, separator: string): boolean {
  if (siteName && sameSite(part, siteName)) return true;
  if (/^[\w-]+(?:\.[\w-]+)+$/.test(part)) return true;
  // With the site's name known, a different suffix is part of the headline ("Spider-Man - Far From Home").
  if (siteName) return false;
  const words = part.split(" ");
  if (words.length > (separator === "|" ? 4 : 3)) return false;
  return words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || word === "of" || word === "the");
}

/**
 * "Takaichi’s Gamble | Nippon.com" → "Takaichi’s Gamble": drops the site's name from either end of a
 * title, and a section name between them ("Title | Politics | Site").
 */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const separators = [...title.matchAll(SEPARATOR)];
  const last = separators[separators.length - 1];
  if (last) {
    const suffix = title.slice(last.index + last[0].length);
    const rest = title.slice(0, last.index);
    if (rest.length > suffix.length && looksLikeSiteName(suffix, siteName, last[1]!)) {
      const previous = separators[separators.length - 2];
      const section = previous ? title.slice(previous.index + previous[0].length, last.index) : "";
      // A section label between bars ("| Politics |"): one or two words. Only bars: with dashes the part
      // between is too often half of the headline ("Biden - Trump - CNN").
      const isSection =
        previous?.[1] === "|" && last[1] === "|" && /^[\p{Lu}][\p{L}&-]*(?: [\p{L}&-]+)?$/u.test(section);
      return isSection ? title.slice(0, previous.index) : rest;
    }
  }
  const first = separators[0];
  if (first && siteName) {
    const prefix = title.slice(0, first.index);
    if (sameSite(prefix, siteName)) return title.slice(first.index + first[0].length);
  }
  return title;
}
