import { STATE_VERBS } from "../enrich/entities/data/lexicon";
import { LABEL_VERBS, QUOTE_CUES } from "../enrich/quotes/speaker";

/** Words and word classes the label readers (`labels.ts`, `descriptions.ts`) share. */

export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’‐-]*/gu;

export function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

export const bareWord = (w: string) =>
  w
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/\.$/, "");
export const capitalized = (w: string) => /^\p{Lu}/u.test(w);
export const possessive = (w: string) => /['’]s$/.test(w);
export const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

// Verbs that stand right before a title and a name ("told President Trump", "met Prime Minister Abe").
const VERBS = new Set([
  ...QUOTE_CUES,
  ...LABEL_VERBS,
  ...STATE_VERBS,
  ...`met meets meet meeting praised slammed attacked invited thanked blamed visited visit visits hosted host hosts
  joined join nominated appointed fired fire replaced elected defeated endorsed congratulated greeted sued ousted
  give gives gave make makes made take takes took let lets help helps helped see sees ask asks tell get gets got
  put puts keep keeps kept leave leaves left beat beats face faces faced name names hire hires hired elect pressed
  press pushed push pick picks picked and or but nor then also`
    .trim()
    .split(/\s+/),
]);
// "-ing" words before a title are verbs ("hosting Prime Minister Abe") except these adjectives.
const ING_ADJECTIVES = new Set(
  "ruling acting sitting outgoing incoming leading governing reigning ailing founding rising visiting longtime".split(
    " ",
  ),
);
export const isVerbLike = (bare: string) =>
  VERBS.has(bare) || (bare.endsWith("ing") && bare.length > 5 && !ING_ADJECTIVES.has(bare));
