import { NAME_SUFFIXES } from "./data/lexicon";
import { CHINESE_SURNAMES, GIVEN_NAMES, KOREAN_SURNAMES } from "./data/names";
import { fold, slugify } from "./text";

// Hepburn romanization: (consonant cluster) vowel, or a syllabic n; doubled consonants for geminates ("Hattori").
// Geminates only of k, s, t, p, as Hepburn writes them.
const ROMAJI =
  /^(?:(?:([kstp])\1|[kgsztdnhbpmrfj])?y?(?:[aiueo])|(?:sh|ch|tch|ts|ssh|y|w)[aiueo]|n(?![aiueoy]))+$/;
const PINYIN_SYLLABLE =
  "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)";
const PINYIN = new RegExp(`^(?:${PINYIN_SYLLABLE}){1,3}$`);

/** Parts of a name as compared: folded, hyphen parts apart ("Jong-un" and "Jong Un" meet), initials dropped. */
export function nameParts(name: string): string[] {
  return fold(name)
    .split(/[\s\-‐]+/)
    .filter((part) => !/^(?:\p{L}\.)+$/u.test(part))
    .map((part) => part.replace(/[.,]/g, ""))
    .filter((part) => part.length > 1 && !NAME_SUFFIXES.has(part));
}

// Long words ending in "-in" ("Abedin") are rarely Japanese; "Jin", "Rin", "Shin" are.
const isRomaji = (part: string) => ROMAJI.test(part.replace(/([aiueo])\1/g, "$1")) && !/^.{4,}in$/.test(part);
const isPinyin = (part: string) => PINYIN.test(part);

export type NameOrigin = "chinese" | "korean" | "japanese" | null;

/**
 * Whether a two- or three-word name reads as East Asian, and which tradition: the family name decides the order
 * the slug uses. Korean: a known family name with a hyphenated or two-part given name. Chinese: a known family name
 * with a pinyin given name. Japanese: every word romanizable and no common Western given name among them.
 */
export function nameOrigin(tokens: readonly string[]): NameOrigin {
  const words = tokens.map((t) => fold(t).replace(/\./g, ""));
  if (words.length < 2 || words.length > 3) return null;
  const flat = words.flatMap((w) => w.split(/[-‐]/));
  const korean = words.findIndex((w) => KOREAN_SURNAMES.has(w));
  if (korean >= 0 && (words.some((w) => /-/.test(w)) || words.length === 3) && flat.every(isPinyinOrKorean))
    return "korean";
  if (words.length === 2 && words.some((w) => CHINESE_SURNAMES.has(w)) && words.every(isPinyin))
    return "chinese";
  if (words.length === 2 && words.every(isRomaji) && !words.some((w) => GIVEN_NAMES.has(w)))
    return "japanese";
  return null;
}

const isPinyinOrKorean = (part: string) => isPinyin(part) || /^[a-z]{1,6}$/.test(part);

/**
 * The slug of a person, the same whatever order the text writes the name in. Chinese and Korean names put the
 * known family name first ("Yongtao Gui" → `gui-yongtao`); Japanese names, whose order varies in English copy and
 * whose family names no list covers, take the alphabetically first of the two orders ("Takaichi Sanae" and
 * "Sanae Takaichi" → `sanae-takaichi`). Other names keep their written order without initials or suffixes
 * ("Robert S. Mueller III" → `robert-mueller`).
 */
export function personSlug(name: string): string {
  const raw = name
    .split(/\s+/)
    .filter((w) => !/^(?:\p{L}\.)+$/u.test(w) && w.replace(/[.,]/g, "").length > 1)
    .filter((w) => !NAME_SUFFIXES.has(fold(w).replace(/[.,]/g, "")));
  const origin = nameOrigin(raw);
  const words = raw.map((w) => slugify(w)).filter(Boolean);
  if (origin === "chinese" || origin === "korean") {
    const surnames = origin === "chinese" ? CHINESE_SURNAMES : KOREAN_SURNAMES;
    const family = words.findIndex((w) => surnames.has(w));
    // Both words known family names ("Han Zheng"): the written order is the better guess.
    const other = words.findIndex((w, i) => i !== family && surnames.has(w));
    if (family > 0 && other < 0) words.unshift(...words.splice(family, 1));
  } else if (origin === "japanese" && words.length === 2) {
    words.sort();
  }
  return words.join("-") || slugify(name);
}

/** True when a bare word looks like a romanized East Asian name part rather than an English word. */
export function looksEastAsian(word: string): boolean {
  const w = fold(word).replace(/\./g, "");
  return w.split(/[-‐]/).every((p) => isRomaji(p) || isPinyin(p));
}
