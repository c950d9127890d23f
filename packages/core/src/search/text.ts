/**
 * Text preparation shared by the search index and the search query. PostgreSQL's default text-search parser
 * splits words at spaces and punctuation only, so a Japanese or Chinese sentence would be one "word". Both the
 * stored text and the query therefore go through the same ICU word segmenter (`text/segment.ts`, the one
 * enrichment and clustering use) and get a space between adjacent CJK words; Postgres then sees the same words on
 * both sides. Text without CJK script is left to Postgres as it is (`null`), so most rows need no JS at all.
 */

import { segmentWords } from "../text/segment";

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]/u;

/** Longest query we search for; longer input is cut (a query is a few words, not a document). */
export const MAX_QUERY_LENGTH = 256;

/** Markers `ts_headline` puts around matches; private-use code points that article text never needs. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** The text with a space between adjacent CJK words; `null` when it has no CJK script (index the text as is). */
export function segmentForSearch(text: string): string | null {
  if (!hasCjk(text)) return null;
  const normalized = text.normalize("NFKC");
  // Pieces joined once at the end: looking at the end of a string grown by += flattens it, for every word.
  const out: string[] = [];
  let previousWord = false;
  let previousCjk = false;
  // Root ("und") rules: ICU's CJK dictionary is the same for every locale, and the index and the query must agree
  // whatever language the article was tagged with.
  for (const { segment, isWordLike } of segmentWords(normalized, "und")) {
    const word = isWordLike === true;
    const cjk = word && CJK_CHAR.test(segment);
    // "邦人10人": a CJK word touching a number or Latin word is a word boundary Postgres would not see either.
    if (word && previousWord && (cjk || previousCjk) && !/\s/u.test(out.at(-1)!.at(-1)!)) out.push(" ");
    out.push(segment);
    previousWord = word;
    previousCjk = cjk;
  }
  return out.join("");
}

/**
 * A user's query ready for `websearch_to_tsquery`: trimmed, control characters (and our markers) removed, cut to
 * `MAX_QUERY_LENGTH`, CJK runs segmented like the index. Quotes, `OR` and `-` keep their websearch meaning. A CJK
 * run becomes a phrase of its words ("高市" → "高 市"): the segmenter splits it the same way in the text, and
 * as separate words the two characters would match any paragraph that has both anywhere.
 */
export function prepareSearchQuery(query: string): string {
  const clean = query
    .replace(/[\u0000-\u001f\u007f\uE000-\uF8FF]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  const cut = Array.from(clean).slice(0, MAX_QUERY_LENGTH).join("").trim();
  if (!hasCjk(cut)) return cut;
  return cut.replace(/"[^"]*"?|[^\s"]+/gu, (part) => {
    if (!hasCjk(part)) return part;
    if (part.startsWith('"')) return `"${segmentForSearch(part.replace(/"/g, "")) ?? ""}"`;
    const sign = part.startsWith("-") ? "-" : "";
    const words = segmentForSearch(sign ? part.slice(1) : part) ?? "";
    return words.includes(" ") ? `${sign}"${words}"` : `${sign}${words}`;
  });
}

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * A `ts_headline` result as plain parts, marked or not, for the UI to render as text and `<mark>` (never as
 * HTML). Spaces the segmentation put between CJK words are taken out again, so the reader sees the original.
 */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  let buffer = "";
  const flush = () => {
    if (buffer) parts.push({ text: buffer, mark });
    buffer = "";
  };
  for (const ch of headline) {
    if (ch === MARK_START || ch === MARK_END) {
      flush();
      mark = ch === MARK_START;
    } else buffer += ch;
  }
  flush();
  return joinCjkParts(parts);
}

// Japanese and Chinese write without spaces; Korean separates words with them, so Hangul is left alone.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u;
const UNSPACED_NEIGHBOUR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆\p{N}A-Za-z]/u;

function joinCjkParts(parts: SnippetPart[]): SnippetPart[] {
  if (!parts.some((part) => UNSPACED.test(part.text))) return parts;
  const whole = parts.map((part) => part.text).join("");
  const drop = new Set<number>();
  const chars = Array.from(whole);
  for (let i = 1; i < chars.length - 1; i++) {
    if (chars[i] !== " ") continue;
    const before = chars[i - 1]!;
    const after = chars[i + 1]!;
    if (
      (UNSPACED.test(before) && UNSPACED_NEIGHBOUR.test(after)) ||
      (UNSPACED.test(after) && UNSPACED_NEIGHBOUR.test(before))
    )
      drop.add(i);
  }
  let index = 0;
  const out: SnippetPart[] = [];
  for (const part of parts) {
    let text = "";
    for (const ch of part.text) {
      if (!drop.has(index)) text += ch;
      index++;
    }
    if (text) out.push({ text, mark: part.mark });
  }
  return out;
}

/**
 * The excluded parts of a websearch query (`-word`, `-"a phrase"`), joined with OR, or "" if none. Postgres
 * applies `-` per row; the search applies it per article, so an article is left out when any of its paragraphs
 * or its title has an excluded word.
 */
export function excludedTerms(query: string): string {
  const out: string[] = [];
  let inQuote = false;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i];
    if (ch === '"') inQuote = !inQuote;
    else if (!inQuote && ch === "-" && (i === 0 || /\s/u.test(query[i - 1]!))) {
      const rest = query.slice(i + 1);
      const term = rest.startsWith('"') ? /^"[^"]*"?/u.exec(rest)?.[0] : /^\S+/u.exec(rest)?.[0];
      if (term?.replaceAll('"', "").trim()) {
        out.push(term.endsWith('"') || !term.startsWith('"') ? term : `${term}"`);
        i += term.length;
      }
    }
  }
  return out.join(" OR ");
}
