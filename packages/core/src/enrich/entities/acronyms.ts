import { NAME_PARTICLES } from "./data/lexicon";

const JOINERS = new Set(["of", "for", "on", "and", "the", "&", ...NAME_PARTICLES]);

/**
 * Whether `acronym` abbreviates `long`, after Schwartz & Hearst (2003): the acronym's letters appear in order in
 * the long form, the first starting its first word. Of all placements the one with most letters at word starts
 * counts, and three guards keep chance matches out: at least half the letters start a word, the last letter is in
 * the last significant word, and there are no more significant words than twice the letters. "LDP" ~ "Liberal
 * Democratic Party", "ASEAN" ~ "Association of Southeast Asian Nations", "CPTPP" ~ "Comprehensive and
 * Progressive Agreement for Trans-Pacific Partnership"; not "NO" ~ "New York Times".
 */
export function abbreviates(acronym: string, long: string): boolean {
  const short = acronym.replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
  const text = long.toLowerCase();
  if (short.length < 2 || short[0] !== text[0]) return false;
  const significant = long.split(/[\s\-‐]+/).filter((w) => w && !JOINERS.has(w.toLowerCase()));
  if (significant.length < 2 || significant.length > short.length * 2) return false;
  const wordStart = (i: number) => i === 0 || /[\s\-‐]/.test(text[i - 1]!);
  // The acronym's last letter comes from the last significant word ("Party", "Nations", "Act").
  const lastWord = text.lastIndexOf(significant.at(-1)!.toLowerCase());
  // Most word starts over all ways to place the letters in order (memoized; acronyms and names are short).
  const memo = new Map<number, number>();
  const best = (s: number, before: number): number => {
    const key = s * 10_000 + before;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result = Number.NEGATIVE_INFINITY;
    for (let p = before - 1; p >= 0; p--) {
      if (text[p] !== short[s]) continue;
      if (s === short.length - 1 && p < lastWord) break;
      if (s === 0) {
        if (wordStart(p)) result = Math.max(result, 1);
        continue;
      }
      result = Math.max(result, best(s - 1, p) + (wordStart(p) ? 1 : 0));
    }
    memo.set(key, result);
    return result;
  };
  return best(short.length - 1, text.length) * 2 >= short.length;
}
