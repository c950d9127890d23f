import { FUNCTION_WORDS } from "./lexicon";

/**
 * Noun phrases next to a figure, found without a tagger: runs of words that are not function words, joined
 * by single spaces only (a comma, dash or bracket ends the phrase). Windows are bounded, so a figure costs
 * the same however long its paragraph is.
 */

export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’][\p{L}\p{M}\p{N}]+)*/uy;
const WINDOW = 120;
const CONNECTORS = new Set(["of", "and", "for", "the", "on", "de", "&"]);

const isFunction = (word: string) => FUNCTION_WORDS.has(word.toLowerCase());
const isCapitalized = (word: string) => /^\p{Lu}/u.test(word);
// Participles and adverbs do not end a noun phrase ("40 homes destroyed", "1,000 people living in …").
const ED_NOUNS = new Set(["speed", "breed", "greed", "creed", "tweed", "hundred", "bloodshed", "watershed"]);
const LY_NOUNS = new Set([
  "family",
  "supply",
  "ally",
  "assembly",
  "rally",
  "monopoly",
  "anomaly",
  "july",
  "italy",
]);
const PARTICIPLE_FOLLOWERS = new Set(
  "in on at to from with near across into inside outside under over around through the a an by".split(" "),
);
const isLoose = (word: string, next: Word | undefined) => {
  const lower = word.toLowerCase();
  if (lower !== word || lower.length <= 4) return false;
  if (lower.endsWith("ed")) return !ED_NOUNS.has(lower);
  if (lower.endsWith("ly")) return !LY_NOUNS.has(lower);
  return lower.endsWith("ing") && next !== undefined && PARTICIPLE_FOLLOWERS.has(next.text);
};

/** Words after `from`, each separated from the previous one by plain spaces; stops at other punctuation. */
export function wordsAfter(text: string, from: number, max = 10): Word[] {
  const out: Word[] = [];
  let i = from;
  const limit = Math.min(text.length, from + WINDOW);
  while (out.length < max && i < limit) {
    let j = i;
    while (j < limit && (text[j] === " " || text[j] === "\u00a0")) j++;
    if (j === i && out.length > 0) break;
    WORD.lastIndex = j;
    const match = WORD.exec(text);
    if (!match) break;
    out.push({ text: match[0], start: j, end: j + match[0].length });
    i = j + match[0].length;
  }
  return out;
}

/** Words before `to`, nearest first, each separated from the next by plain spaces. */
export function wordsBefore(text: string, to: number, max = 6): Word[] {
  const from = Math.max(0, to - WINDOW);
  const window = text.slice(from, to);
  const words = [...window.matchAll(new RegExp(WORD.source, "gu"))];
  const out: Word[] = [];
  let edge = window.length;
  for (let k = words.length - 1; k >= 0 && out.length < max; k--) {
    const match = words[k]!;
    const end = match.index + match[0].length;
    if (!/^[ \u00a0]*$/.test(window.slice(end, edge))) break;
    out.push({ text: match[0], start: from + match.index, end: from + end });
    edge = match.index;
  }
  return out;
}

export interface NounPhrase {
  text: string;
  /** The last word: the counted noun of "352 seats", "three key strategic documents". */
  head: string;
  start: number;
  end: number;
}

function phraseOf(text: string, words: readonly Word[]): NounPhrase | null {
  if (words.length === 0) return null;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  return { text: text.slice(first.start, last.end), head: last.text, start: first.start, end: last.end };
}

/**
 * The noun phrase starting right after a figure: "strategic investment deal", "seats", "Comprehensive and
 * Progressive Agreement for Trans-Pacific Partnership". Connectors ("of", "and", "for") only join capitalized
 * words, as inside a proper name.
 */
export function nounPhraseAfter(text: string, from: number): NounPhrase | null {
  const words = wordsAfter(text, from, 10);
  const taken: Word[] = [];
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    // A lower-case plural ends the phrase: "secret files prove", "people marched along".
    if (taken.length > 0 && isPluralWord(taken[taken.length - 1]!.text)) break;
    if (/^\p{N}/u.test(word.text)) break;
    if (isFunction(word.text)) {
      const next = words[k + 1];
      const inName =
        CONNECTORS.has(word.text) && taken.length > 0 && isCapitalized(taken[taken.length - 1]!.text);
      if (!inName || !next || !isCapitalized(next.text)) break;
    }
    taken.push(word);
    if (taken.length >= 8 || (taken.length >= 4 && !isCapitalized(word.text))) break;
  }
  while (taken.length > 0) {
    const last = taken[taken.length - 1]!;
    if (!isFunction(last.text) && !isLoose(last.text, words[taken.length])) break;
    taken.pop();
  }
  return phraseOf(text, taken);
}

/**
 * A phrase continued by a prepositional name: "seats" + " in the House of Representatives". Only capitalized
 * objects are attached, so "120 seats in a contest" stays "seats".
 */
export function withNamedComplement(text: string, phrase: NounPhrase): NounPhrase {
  const words = wordsAfter(text, phrase.end, 10);
  if (!words[0] || !/^(?:in|of|at|for|on)$/.test(words[0].text)) return phrase;
  let k = 1;
  if (words[k]?.text === "the") k++;
  const name = nounPhraseAfter(text, words[k - 1]!.end);
  if (!name || !isCapitalized(name.text)) return phrase;
  return { text: text.slice(phrase.start, name.end), head: phrase.head, start: phrase.start, end: name.end };
}

/** The run of content words ending right before `to` ("lower house strength" before " by 120 seats"). */
export function nounPhraseBefore(text: string, to: number, max = 3): NounPhrase | null {
  const words = wordsBefore(text, to, max + 1);
  const taken: Word[] = [];
  for (const word of words) {
    if (isFunction(word.text) || /^\p{N}/u.test(word.text)) break;
    taken.unshift(word);
    if (taken.length >= max) break;
  }
  while (taken.length > 0 && isLoose(taken[0]!.text, taken[1])) taken.shift();
  // "… 4.1 percent fell to 3.9 percent": a phrase right after another figure is that figure's unit.
  const preceding = words[taken.length];
  if (preceding && /^\p{N}/u.test(preceding.text)) return null;
  if (taken.some((word) => /^(?:percent|billion|million|thousand|trillion|bn|m)$/i.test(word.text)))
    return null;
  // "looking at five sites", "coaching roughly 400 people": a verb, not a subject.
  const nearest = taken[taken.length - 1];
  if (nearest && nearest.text === nearest.text.toLowerCase() && /(?:ing|[^e]ed)$/.test(nearest.text))
    return null;
  return phraseOf(text, taken);
}

const IRREGULAR_PLURALS =
  /(?:men|people|children|police|staff|personnel|aircraft|sheep|deer|fish|cattle|crew|feet|teeth|geese|mice|data|media|criteria)$/i;

/** Looks like a lower-case plural noun: "seats", "people", "chairmen" (not "business", "status", "analysis"). */
export function isPluralWord(word: string): boolean {
  if (word !== word.toLowerCase() || word.length < 3) return false;
  return IRREGULAR_PLURALS.test(word) || (/s$/.test(word) && !/(?:ss|us|is|ics|ous)$/.test(word));
}

/** Could head a counted phrase after a number above one: a plural, an abbreviation ("km", "MW") or a name's plural. */
export function isCountNoun(word: string): boolean {
  return (
    IRREGULAR_PLURALS.test(word) || /s$|['’]s$/i.test(word) || /^\p{Lu}{2,5}$/u.test(word) || word.length <= 3
  );
}

/** "member" → "members" for hyphenated counts ("12-member"); irregular nouns are rare in that position. */
export function pluralize(noun: string): string {
  const lower = noun.toLowerCase();
  if (/(?:s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (lower === "person") return "people";
  if (lower === "man" || lower === "woman") return lower.replace(/man$/, "men");
  return `${lower}s`;
}
