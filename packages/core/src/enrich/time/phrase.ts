/**
 * A short phrase for what happens on a date, cut from the sentence around it: the noun phrase a date
 * modifies ("the November APEC summit" → "APEC summit"), else the clause holding the date, without the date,
 * its preposition, subordinators, hedges and titles ("When US President Donald Trump welcomes Prime Minister
 * Takaichi to the White House on March 19" → "Donald Trump welcomes Takaichi to the White House").
 */

const MAX_WORDS = 12;

const FUNCTION_WORDS = new Set(
  (
    "the a an of to in on at by for from with and or but as than that which who whom whose this these those " +
    "his her its their our my your is are was were be been will would"
  ).split(" "),
);
/** Words that end a noun phrase a date modifies. */
const NP_STOP = new Set(
  "that which who whom whose when where while during as but because although if since so than".split(" "),
);
const SUBORDINATORS =
  /^(?:when|after|before|as|while|since|although|though|if|once|until|till|whereas|because|and|but|so|yet|then|meanwhile|also)\s+/i;
const HEDGES =
  /\s+(?:doubtless|reportedly|also|already|still|even|further|implicitly|reportedly|apparently)(?=\s)/gi;
const TITLES =
  "President|Vice President|Prime Minister|Deputy Prime Minister|Chancellor|Premier|Minister|Foreign Minister|Secretary|Secretary of State|Senator|Sen\\.|Rep\\.|Representative|Gov\\.|Governor|Mayor|King|Queen|Prince|Princess|Pope|General|Gen\\.|Chairman|Chairwoman|Chief Executive|CEO|Dr\\.|Mr\\.|Mrs\\.|Ms\\.|Speaker|Leader|Ambassador|Justice|Judge";
const TITLE = new RegExp(
  `(?:\\b(?:the|former)\\s+)?(?:(?:\\p{Lu}[\\p{L}.]*|U\\.S\\.)\\s+)?\\b(?:${TITLES})\\s+(?=\\p{Lu})`,
  "gu",
);
/** Prepositions (and phrases acting as one) that introduce a date and go with it. */
const DATE_PREPOSITION =
  /(?:\b(?:on|in|at|by|since|until|till|during|from|of|for|before|after|around|as early as|as late as|as of|through|throughout|starting|beginning|ahead of)\s+)?$/i;

/** Words a phrase may be cut before: prepositions, conjunctions, relative pronouns. */
const BREAKS =
  /^(?:to|of|on|in|for|with|and|or|at|by|from|that|which|who|aboard|into|over|under|against|between|about|after|before|during|near|outside|inside|across|through|while|as)$/i;

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const contentWords = (s: string) =>
  words(s).filter((w) => /\p{L}/u.test(w) && !FUNCTION_WORDS.has(w.toLowerCase())).length;

function tidy(text: string): string {
  return text
    .replace(/\s*\([^()]{0,80}\)/g, "")
    .replace(/[\s,;:—–-]+$/u, "")
    .replace(/^[\s,;:—–-]+/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The noun phrase right after a date that modifies it, or null when the date stands on its own. */
function modifiedNounPhrase(sentence: string, start: number, end: number): string | null {
  const before = sentence.slice(0, start);
  const rest = sentence.slice(end).replace(/^['’]s\b/, "");
  if (!/^\s+\p{L}/u.test(rest)) return null;
  const possessive = /^['’]s/.test(sentence.slice(end));
  if (!possessive && !/\b(?:the|his|her|its|their|our|a|an|this|that|next|last)\s+$/i.test(before))
    return null;
  const out: string[] = [];
  for (const w of words(tidy(rest).replace(/[,;:.!?—–].*$/u, ""))) {
    if (NP_STOP.has(w.toLowerCase()) || out.length >= 8) break;
    out.push(w);
  }
  while (out.length && FUNCTION_WORDS.has(out[0]!.toLowerCase())) out.shift();
  if (!out.length || /^(?:of|in|on|at|to|for|and|or)$/i.test(out[0]!)) return null;
  return out.join(" ").replace(/[\s,;:.]+$/, "");
}

/** The comma-delimited piece of the sentence around the date, as the words before and after it; the next piece
 * when this one holds nothing but the date ("In late February, Beijing announced …"). */
function clauseAround(sentence: string, start: number, end: number): { head: string; tail: string } {
  const bounds = /\s*[,;:]\s+|\s+[—–-]{1,2}\s+|—/gu;
  const cuts: Array<[number, number]> = [];
  for (let m = bounds.exec(sentence); m; m = bounds.exec(sentence))
    cuts.push([m.index, m.index + m[0].length]);
  let from = 0;
  let to = sentence.length;
  for (const [a, b] of cuts) {
    if (b <= start) from = b;
    else if (a >= end) {
      to = a;
      break;
    }
  }
  const head = sentence.slice(from, start).replace(DATE_PREPOSITION, "");
  const tail = sentence.slice(end, to);
  if (contentWords(`${head} ${tail}`) >= 3) return { head, tail };
  // The date stands alone in its piece ("In late February, …", "…, on October 28, 2025."): the event is
  // the sentence's main clause, taken to be its longest piece.
  const pieces: string[] = [];
  let at = 0;
  for (const [a, b] of cuts) {
    if (a > at) pieces.push(sentence.slice(at, a));
    at = b;
  }
  pieces.push(sentence.slice(at));
  const main = pieces.reduce((best, p) => (contentWords(p) > contentWords(best) ? p : best), "");
  return { head: "", tail: contentWords(main) >= 2 ? main : `${head} ${tail}` };
}

/** At most MAX_WORDS words around the boundary between `head` and `tail`, cut at word and phrase boundaries. */
function window(head: string[], tail: string[]): string {
  const all = [...head, ...tail];
  let from = Math.max(0, Math.min(head.length - 9, all.length - MAX_WORDS));
  if (from > 0 && /^(?:the|a|an|its|his|her|their)$/i.test(all[from - 1]!)) from--;
  const to = Math.min(all.length, from + MAX_WORDS);
  let kept = all.slice(from, to);
  if (to < all.length) {
    const cut = kept.findLastIndex((w, i) => i >= 6 && BREAKS.test(w));
    if (cut > 0) kept = kept.slice(0, cut);
  }
  while (kept.length > 1 && FUNCTION_WORDS.has(kept[kept.length - 1]!.toLowerCase())) kept.pop();
  while (kept.length > 1 && /^(?:and|or|but|that|which|to|of)$/i.test(kept[0]!)) kept.shift();
  return kept.join(" ");
}

const clean = (text: string) =>
  text
    .replace(/\s*\([^()]{0,80}\)/g, "")
    .replace(HEDGES, "")
    .replace(TITLE, "")
    .replace(/\s+/g, " ");

/** The event phrase for a date at [start, end) of `sentence` (offsets within the sentence). */
export function eventPhrase(text: string, dateStart: number, dateEnd: number): string {
  // One space for every run of whitespace keeps each pattern below linear in the sentence.
  const head = text.slice(0, dateStart).replace(/\s+/g, " ");
  const tail = text.slice(dateEnd).replace(/\s+/g, " ");
  const sentence = head + text.slice(dateStart, dateEnd).replace(/\s+/g, " ") + tail;
  const start = head.length;
  const end = sentence.length - tail.length;
  const np = modifiedNounPhrase(sentence, start, end);
  if (np) return window([], words(tidy(clean(np))));
  const clause = clauseAround(sentence, start, end);
  const before = clean(` ${clause.head}`).trim().replace(SUBORDINATORS, "");
  const after = clean(` ${clause.tail}`).trim();
  const phrase = tidy(window(words(before), words(after)).replace(/(?<!\b\p{Lu})[.!?]+$/u, ""));
  return phrase || tidy(sentence).split(" ").slice(0, MAX_WORDS).join(" ");
}
