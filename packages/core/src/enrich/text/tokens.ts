import { segmentWords } from "../../text/segment";
import { isAscii } from "./ascii";

/**
 * Word tokens for keywords and corpus statistics: NFKC, lower-cased, with their offsets in the original text.
 * Latin, Cyrillic, Greek … text is split by a pattern that keeps hyphenated compounds ("two-thirds",
 * "self-defense") and dotted acronyms ("u.s.") whole and drops the possessive "’s"; Chinese, Japanese and
 * Korean (no spaces between words) go through the ICU word segmenter Node ships.
 */

export interface Token {
  /** The normalized word: NFKC, lower case, straight apostrophes, no possessive suffix. */
  term: string;
  /** Offsets of the word in the text given (UTF-16, [start, end)). */
  start: number;
  end: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_LANGUAGES = new Set(["ja", "zh", "ko"]);

// Dotted acronyms first ("U.S.", "e.g."), then words joined by hyphens or apostrophes ("don't", "two-thirds").
// Every quantifier is on a character class that cannot overlap its neighbour, so matching stays linear.
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/u;

/** "ja-JP" → "ja"; unknown or missing → "und" (ICU's root rules still segment CJK by dictionary). */
function baseLanguage(language: string | null | undefined): string {
  const base = (language ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return /^[a-z]{2,3}$/.test(base) ? base : "und";
}

function normalizeTerm(word: string): string {
  // ASCII words are already NFKC and hold no typographic apostrophe: only case and the possessive are left.
  if (isAscii(word)) {
    const lower = word.toLowerCase();
    return lower.endsWith("'s") ? lower.slice(0, -2) : lower;
  }
  return word.normalize("NFKC").toLowerCase().replace(/’/g, "'").replace(POSSESSIVE, "");
}

/**
 * Tokens with offsets. Offsets index the text as given (NFKC is applied per word, so "ｶﾀｶﾅ" still points at the
 * half-width original). Segments that are not word-like (spaces, punctuation) are dropped.
 */
export function tokenSpans(text: string, language?: string | null): Token[] {
  const out: Token[] = [];
  const lang = baseLanguage(language);
  if (CJK_LANGUAGES.has(lang) || CJK.test(text)) {
    for (const segment of segmentWords(text, lang)) {
      if (!segment.isWordLike) continue;
      const term = normalizeTerm(segment.segment);
      if (term) out.push({ term, start: segment.index, end: segment.index + segment.segment.length });
    }
    return mergeSingleHan(mergeDottedAcronyms(text, out));
  }
  for (const match of text.matchAll(WORD)) {
    const term = normalizeTerm(match[0]);
    if (term) out.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/** ICU splits "U.S." into "U.S" and "."; glue the dot back so acronyms look the same in every script path. */
function mergeDottedAcronyms(text: string, tokens: Token[]): Token[] {
  for (const token of tokens) {
    if (/^(?:\p{L}\.)+\p{L}$/u.test(token.term) && text[token.end] === ".") {
      token.term += ".";
      token.end += 1;
    }
  }
  return tokens;
}

/**
 * ICU's dictionary does not know most names and splits them into single characters ("特|朗|普", "高|市"); runs
 * of adjacent single Han characters are glued back into one word.
 */
function mergeSingleHan(tokens: Token[]): Token[] {
  const out: (Token & { single: boolean })[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    const single = /^\p{Script=Han}$/u.test(token.term);
    // A run only ever grows by single Han characters, so `last.single` already says it is all Han; testing the
    // whole run again for each character made a long run quadratic.
    if (single && last?.single && last.end === token.start) {
      last.term += token.term;
      last.end = token.end;
    } else out.push({ ...token, single });
  }
  return out.map(({ term, start, end }) => ({ term, start, end }));
}

/** Lower-cased, NFKC-normalized words of the text, in order. */
export function tokenize(text: string, language?: string | null): string[] {
  return tokenSpans(text, language).map((token) => token.term);
}

/** True when the text is mostly Chinese, Japanese or Korean script (word statistics then work per segment). */
export function isCjkText(text: string): boolean {
  let cjk = 0;
  let letters = 0;
  for (const ch of text.slice(0, 2000)) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (CJK.test(ch)) cjk++;
  }
  return letters > 0 && cjk / letters > 0.3;
}
