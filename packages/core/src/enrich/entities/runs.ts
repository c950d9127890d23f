import { CALENDAR, FUNCTION_WORDS, HONORIFICS, NAME_PARTICLES, ROLE_HEADS } from "./data/lexicon";
import { GIVEN_NAMES } from "./data/names";
import { isAcronym, isCapitalized, isShouted } from "./text";
import type { Token } from "./tokens";

/** A maximal sequence of capitalized words with the lowercase joiners between them. */
export interface Run {
  /** Indices into the sentence's tokens, joiners included. */
  tokens: number[];
  /** The first word stands where any word is capitalized (sentence start, after an opening quote or a colon). */
  initial: boolean;
}

/** Lowercase words that may sit inside a name: "Agreement for …", "Bank of Japan", "Nippon Ishin no Kai". */
const JOINERS = new Set(["of", "for", "on", "and", "&", ...NAME_PARTICLES]);
const OPENERS = new Set(['"', "“", "‘", "'", "«", "「", "(", "[", ":", "—", "–", "-", "•", "*"]);

const bare = (word: string) => word.toLowerCase().replace(/\.$/, "");

// "I'm", "We'll", "They've": pronouns with a verb; "R-Calif.", "D-N.Y.": a lawmaker's party and state.
const NOT_A_NAME = /^(?:I|\p{L}+['’](?:m|ll|re|ve|d|t)|[RDI]-\p{Lu}.*)$/iu;

export function isNameWord(token: Token): boolean {
  if (token.kind !== "word") return false;
  // A lowercase word is a name word only as a prefixed compound ("anti-Trump", "ex-Google"): without a hyphen the
  // prefix test cannot pass, so most words are settled without a regexp.
  if (
    !isCapitalized(token.text) &&
    (!token.text.includes("-") || !/^\p{Lu}/u.test(token.text.replace(/^[\p{Ll}]+-/u, "")))
  )
    return false;
  if (NOT_A_NAME.test(token.text)) return false;
  return !CALENDAR.has(bare(token.text)) || isAcronym(token.text);
}

/** "Mrs. May", "Theresa May", "President April …": a month's name right after a title or given name. */
function isNameAfter(previous: Token, token: Token): boolean {
  if (token.kind !== "word" || !isCapitalized(token.text)) return false;
  const before = bare(previous.text);
  return HONORIFICS.has(before) || ROLE_HEADS.has(before) || GIVEN_NAMES.has(before);
}

/** Positions where a capital says nothing: the first word, and the first word after an opening quote or colon. */
export function initialPositions(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  let first = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "punct") {
      if (OPENERS.has(t.text) || /^\d+[.)]$/.test(t.text)) first = true;
      continue;
    }
    if (t.kind === "number") {
      // "1. Japanese Prime Minister …": a list number keeps the next word initial.
      if (tokens[i + 1]?.text === "." || tokens[i + 1]?.text === ")") first = true;
      continue;
    }
    if (first) out.add(i);
    first = false;
  }
  return out;
}

/** Capitalized runs of one sentence's tokens. */
export function findRuns(tokens: readonly Token[]): Run[] {
  const initial = initialPositions(tokens);
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i]!)) {
      i++;
      continue;
    }
    const run = [i];
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if ((isNameWord(t) || isNameAfter(tokens[j - 1]!, t)) && t.spaced) {
        run.push(j++);
        continue;
      }
      // A joiner ("of the", "von der") inside a name needs a capitalized word right after it.
      if (t.kind === "word" && JOINERS.has(t.text)) {
        const second = tokens[j + 1]?.text ?? "";
        const double = second === "the" ? t.text === "of" || t.text === "on" : NAME_PARTICLES.has(second);
        const next = double && NAME_PARTICLES.has(t.text) === NAME_PARTICLES.has(second) ? j + 2 : j + 1;
        if (second === "the" && next === j + 1) break;
        if (tokens[next] && isNameWord(tokens[next]!)) {
          for (let k = j; k <= next; k++) run.push(k);
          j = next + 1;
          continue;
        }
      }
      break;
    }
    runs.push({ tokens: run, initial: initial.has(i) });
    i = j;
  }
  return runs;
}

/**
 * A paragraph that reads as a heading or a list of titles ("Keeping Cool with Beijing", "- DIGEST HUB"): its
 * capitals are typography, so it may only confirm names the body establishes.
 */
export function isTitleCase(text: string): boolean {
  if (text.length > 160) return false;
  const words = text.match(/[\p{L}][\p{L}'’.-]*/gu) ?? [];
  const content = words.filter((w) => w.length >= 4 && !FUNCTION_WORDS.has(w.toLowerCase()));
  if (content.length === 0) return words.length > 0 && words.every((w) => isShouted(w) || isCapitalized(w));
  const capitalized = content.filter((w) => isCapitalized(w)).length;
  const ratio = capitalized / content.length;
  // A headline may end in a full stop ("…, North Korean Leader Says."); a sentence listing names rarely has six
  // capitalized content words and nothing else.
  if (/[\p{Ll}\d][.!]["”’)]?\s*$/u.test(text.trim())) return content.length >= 6 && ratio >= 0.9;
  return ratio >= 0.8;
}
