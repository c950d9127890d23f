import { isAsciiDigit, isAsciiLower, isAsciiUpper } from "../text/ascii";

/** A word or punctuation mark of a sentence, with its offsets in the paragraph's text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** `word` for letters (and hyphen compounds), `number`, `poss` for "’s", `punct` for anything else. */
  kind: "word" | "number" | "poss" | "punct";
  /** Whitespace before the token (false for "-" inside "U.S.-Japan", "(" right before a word). */
  spaced: boolean;
}

// Abbreviations that keep their period as part of the word: titles, company forms, US states in datelines.
const KEEPS_PERIOD = new Set(
  (
    "mr mrs ms dr prof rev gen lt col sgt capt cmdr adm gov sen rep st mt ft jr sr co corp inc ltd bros messrs " +
    "fla calif ariz colo conn del ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn " +
    "tex va vt wash wis wyo dept univ assn intl no vs"
  ).split(" "),
);

// A word: letters and digits, inner apostrophes ("O'Brien", "Xi'an"), hyphen compounds ("Jae-myung",
// "Japan-China", "U.S.-Japan"), or a dotted acronym ("U.S.", "C.I.A.").
const PART = String.raw`(?:(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*(?:&[\p{Lu}]+)?)`;
const WORD = new RegExp(String.raw`${PART}(?:[-‐](?:${PART}))*|\S`, "gu");

/** `^[\p{L}\p{M}\p{N}]`, with ASCII settled without the regexp. */
function startsWithWordCharacter(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 0x80) return /^[\p{L}\p{M}\p{N}]/u.test(word);
  return isAsciiUpper(first) || isAsciiLower(first) || isAsciiDigit(first);
}

/** Tokens of `text` between `start` and `end`, offsets relative to `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    let word = m[0];
    const at = start + m.index;
    const spaced = at === 0 || /\s/.test(text[at - 1] ?? " ");
    if (!startsWithWordCharacter(word)) {
      out.push({ text: word, start: at, end: at + word.length, kind: "punct", spaced });
      continue;
    }
    let poss: Token | null = null;
    const possessive = /['’]s$/i.exec(word);
    if (possessive && word.length > 2) {
      word = word.slice(0, -2);
      poss = {
        text: possessive[0],
        start: at + word.length,
        end: at + word.length + 2,
        kind: "poss",
        spaced: false,
      };
    } else if (text[at + word.length] === "." && !/\.$/.test(word)) {
      // "Mr." / "Corp." / initials "B." keep the period; a sentence's full stop does not.
      if (KEEPS_PERIOD.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) word += ".";
    }
    const first = word.charCodeAt(0);
    const kind = (first < 0x80 ? isAsciiDigit(first) : /^\p{N}/u.test(word)) ? "number" : "word";
    out.push({ text: word, start: at, end: at + word.length, kind, spaced });
    if (poss) out.push(poss);
    if (word.length !== m[0].length && !poss) WORD.lastIndex = m.index + word.length;
  }
  return out;
}

/** The hyphen-separated parts of a compound token, with their offsets ("Japan-China" → Japan, China). */
export function hyphenParts(token: Token): Array<{ text: string; start: number; end: number }> {
  const parts: Array<{ text: string; start: number; end: number }> = [];
  const re = /[^-‐]+/g;
  for (let m = re.exec(token.text); m; m = re.exec(token.text)) {
    parts.push({ text: m[0], start: token.start + m.index, end: token.start + m.index + m[0].length });
  }
  return parts;
}
