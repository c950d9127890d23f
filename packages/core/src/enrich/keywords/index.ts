import type { Keyword } from "../../schemas/enrichment";
import type { Paragraph } from "../../schemas/paragraph";
import { isAscii, isAsciiDigit, isAsciiLower, isAsciiUpper } from "../text/ascii";
import { type Token, tokenSpans } from "../text/tokens";
import { guessStopWordLanguage, STOPWORD_LANGUAGES, stopWords } from "./stopwords";

/**
 * Document frequencies of the stored corpus, as whoever keeps them sees them now: `documents` articles counted,
 * and in how many of them a term (a `termCounts` key) occurs. Passing them in keeps keyword scoring pure.
 */
export interface CorpusStatistics {
  documents: number;
  documentFrequency: (term: string) => number;
}

export interface KeywordOptions {
  /** The article's language (BCP 47); when missing the stop-word list is guessed from the text. */
  language?: string | null;
  /** How many keywords to return (20). */
  limit?: number;
}

const DEFAULT_LIMIT = 20;
// A phrase must recur to be a keyword: a bigram seen once is as often an accident of wording as a concept.
const MIN_BIGRAM_COUNT = 2;
// Phrases name concepts more precisely than their words; a mild boost lets "lower house" outrank "house".
const BIGRAM_BOOST = 1.25;
// A word seen this share of times inside one recurring phrase is left to the phrase.
const SUBSUMED_SHARE = 0.75;
/**
 * Pseudo-documents without the term added to the corpus: while it holds a handful of articles on one story, a
 * name in all of them ("takaichi") must not sink below words that happen to occur once; with thousands of
 * articles the prior no longer matters.
 */
const PRIOR_DOCUMENTS = 10;
// Editorial markers in square brackets ("[para. 3]", "[1]", "[sic]") are not the story's words.
const BRACKETED = /\[[^[\]\n]{0,24}\]/g;
// Titles before a name make phrases like "minister takaichi" that only repeat the name.
const TITLES = new Set(
  "president minister secretary chancellor premier governor senator sen rep chairman chairwoman ambassador spokesman spokeswoman spokesperson king queen prince general gen director dean professor".split(
    " ",
  ),
);
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;

export interface TermTable {
  counts: Map<string, number>;
  /** For each bigram, its two words (to drop words that only ever occur inside it). */
  parts: Map<string, [string, string]>;
}

function baseLanguage(language: string | null | undefined): string | null {
  const base = (language ?? "").toLowerCase().split(/[-_]/)[0];
  return base && /^[a-z]{2,3}$/.test(base) ? base : null;
}

/** The stop words of the given language, else of the language the paragraphs' tokens look like. */
function pickStopWords(spans: readonly Token[][], language: string | null): ReadonlySet<string> {
  if (language && STOPWORD_LANGUAGES.includes(language)) return stopWords(language);
  const terms = spans
    .flat()
    .slice(0, 5000)
    .map((token) => token.term);
  if (terms.some((term) => CJK_CHAR.test(term))) {
    return stopWords(terms.some((term) => /\p{Script=Hiragana}/u.test(term)) ? "ja" : "zh");
  }
  return stopWords(guessStopWordLanguage(terms));
}

/** A word worth counting: no stop word, something with a letter, not a bare number or a stray letter. */
function isContentWord(term: string, stop: ReadonlySet<string>): boolean {
  if (stop.has(term)) return false;
  if (isAscii(term)) return term.length > 1 && !isAsciiDigit(term.charCodeAt(0)) && hasAsciiLetter(term);
  if (!/\p{L}/u.test(term) || /^\p{N}/u.test(term)) return false;
  if (term.length === 1) return HAN_ONLY.test(term);
  return !/^\p{Script=Hiragana}{1,2}$/u.test(term);
}

function hasAsciiLetter(term: string): boolean {
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    if (isAsciiLower(code) || isAsciiUpper(code)) return true;
  }
  return false;
}

/** Nothing but spaces and no-break spaces between `from` and `to`. */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0xa0) return false;
  }
  return true;
}

/**
 * Content words and phrases of an article with their counts: what `termCounts` returns and `rankTerms` scores.
 * `enrichArticle` needs both, so it collects them once.
 */
export function collectTerms(paragraphs: readonly Paragraph[], options: KeywordOptions = {}): TermTable {
  const body = paragraphs.filter((paragraph) => paragraph.kind !== "note");
  const spans = body.map((paragraph) =>
    tokenSpans(
      paragraph.text.replace(BRACKETED, (marker) => " ".repeat(marker.length)),
      options.language,
    ),
  );
  const stop = pickStopWords(spans, baseLanguage(options.language));
  const counts = new Map<string, number>();
  const parts = new Map<string, [string, string]>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  body.forEach((paragraph, index) => {
    const tokens = spans[index]!;
    let previous: Token | null = null;
    for (const token of tokens) {
      if (!isContentWord(token.term, stop)) {
        previous = null;
        continue;
      }
      add(token.term);
      // Only words separated by plain spaces (or nothing, in CJK) make a phrase: not across commas or quotes.
      if (previous && !TITLES.has(previous.term) && onlySpaces(paragraph.text, previous.end, token.start)) {
        const joiner = CJK_CHAR.test(token.term) && CJK_CHAR.test(previous.term) ? "" : " ";
        const bigram = previous.term + joiner + token.term;
        add(bigram);
        parts.set(bigram, [previous.term, token.term]);
      }
      previous = token;
    }
  });
  return { counts, parts };
}

/**
 * Term → count for one article: content words and the two-word phrases between them, the keys a corpus store
 * adds to its document frequencies (one document per article) so that `distinctiveTerms` can discount them.
 */
export function termCounts(
  paragraphs: readonly Paragraph[],
  options: KeywordOptions = {},
): Map<string, number> {
  return collectTerms(paragraphs, options).counts;
}

/**
 * The article's most distinctive terms: sublinear term frequency (1 + ln tf) times a BM25 idf,
 * ln(1 + (N + prior − df + 0.5) / (df + 0.5)), which stays positive and is damped while the corpus is small.
 * With an empty corpus every idf is 1, so the ranking falls back to frequency among content words.
 */
export function distinctiveTerms(
  paragraphs: readonly Paragraph[],
  corpus: CorpusStatistics,
  options: KeywordOptions = {},
): Keyword[] {
  return rankTerms(collectTerms(paragraphs, options), corpus, options);
}

/** `distinctiveTerms` over terms already collected. */
export function rankTerms(
  { counts, parts }: TermTable,
  corpus: CorpusStatistics,
  options: KeywordOptions = {},
): Keyword[] {
  const documents = Math.max(0, Math.floor(corpus.documents));
  const idf = (term: string) => {
    if (documents === 0) return 1;
    const raw = corpus.documentFrequency(term);
    const df = Number.isFinite(raw) ? Math.min(Math.max(raw, 0), documents) : 0;
    return Math.log(1 + (documents + PRIOR_DOCUMENTS - df + 0.5) / (df + 0.5));
  };
  const scored: Keyword[] = [];
  for (const [term, count] of counts) {
    const isBigram = parts.has(term);
    if (isBigram && count < MIN_BIGRAM_COUNT) continue;
    const score = (1 + Math.log(count)) * idf(term) * (isBigram ? BIGRAM_BOOST : 1);
    scored.push({ term, score, count });
  }
  scored.sort((a, b) => b.score - a.score || b.count - a.count || (a.term < b.term ? -1 : 1));

  // A word that occurs mostly inside one recurring phrase ("united" in "united states") is left to the phrase.
  const subsumedBy = new Map<string, number>();
  for (const [bigram, words] of parts) {
    const count = counts.get(bigram)!;
    if (count < MIN_BIGRAM_COUNT) continue;
    for (const word of words) subsumedBy.set(word, Math.max(subsumedBy.get(word) ?? 0, count));
  }
  const limit = options.limit ?? DEFAULT_LIMIT;
  const chosen: Keyword[] = [];
  for (const keyword of scored) {
    if (chosen.length >= limit) break;
    if ((subsumedBy.get(keyword.term) ?? 0) >= keyword.count * SUBSUMED_SHARE) continue;
    chosen.push({ ...keyword, score: Math.round(keyword.score * 10_000) / 10_000 });
  }
  return chosen;
}

export { guessStopWordLanguage, stopWords } from "./stopwords";
