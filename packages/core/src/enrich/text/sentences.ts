/** A sentence of a paragraph, with its character offsets in the paragraph's text. */
export interface Sentence {
  paragraph: number;
  /** Index of the sentence within its paragraph, from 0. */
  index: number;
  start: number;
  end: number;
  text: string;
}

// Words after which a period does not end a sentence: titles, initials handled separately, and common
// abbreviations of news copy ("U.S.", "Jan.", "No.", "approx.").
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof gen lt col sgt capt cmdr adm gov sen rep rev st jr sr co corp inc ltd plc bros dept univ " +
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc approx est fig al ave blvd mt ft"
  ).split(" "),
);

const CLOSERS = new Set(['"', "'", "”", "’", ")", "]", "»", "」", "』"]);

function endsWithAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i]!)) i--;
  const word = text.slice(i + 1, dot);
  if (!word) return false;
  // "U.S." / "U.K." / single initials "J." keep the sentence going; "Corp." and friends too.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Sentences of one paragraph. Western punctuation needs a following space and a capital, digit or quote to
 * count as a boundary (so "U.S. officials", "3.5%" and "Mr. Kim" stay whole); CJK full stops always end one.
 */
export function splitSentences(text: string, paragraph: number): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s]!)) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ paragraph, index: out.length, start: s, end: e, text: text.slice(s, e) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "。" || ch === "！" || ch === "？") {
      let j = i + 1;
      while (j < text.length && CLOSERS.has(text[j]!)) j++;
      push(j);
      i = j - 1;
      continue;
    }
    if (ch !== "." && ch !== "!" && ch !== "?") continue;
    let j = i + 1;
    while (j < text.length && (CLOSERS.has(text[j]!) || text[j] === ".")) j++;
    if (j >= text.length) break;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < text.length && /\s/.test(text[k]!)) k++;
    const next = text[k];
    if (next === undefined || !/[\p{Lu}\p{N}"'“‘([]/u.test(next)) continue;
    if (ch === "." && endsWithAbbreviation(text, i) && !/[\p{N}]/u.test(next)) {
      // "U.S. President" continues; but "… in the U.S. The next day" ends — a capitalized function word decides.
      const nextWord = text.slice(k).match(/^\p{L}+/u)?.[0] ?? "";
      if (!/^(The|A|An|But|And|It|He|She|They|We|This|That|In|On|At|As|If|For|So|Yet)$/.test(nextWord))
        continue;
    }
    push(j);
  }
  push(text.length);
  return out;
}
