import {
  CJK_COUNTERS,
  CURRENCY_PREFIXES,
  CURRENCY_WORDS,
  DOLLAR_COUNTRIES,
  FRACTIONS,
  ISO_CODES,
  SCALES,
  TENS,
  UNITS,
} from "./lexicon";

/** Reading the number itself: digits or words, its scale, and the currency or percent sign around it. */

export interface NumberReading {
  value: number;
  end: number;
  /** Spelled in words ("twelve", "two-thirds") rather than digits. */
  spelled: boolean;
  /** A spelled fraction: "two-thirds" → 3, "half" → 2. */
  denominator: number | null;
  /** Digits only: a 4-digit integer without separators, the shape of a year. */
  plainInteger: boolean;
}

const DIGITS =
  /[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?:\.[0-9０-９]+)?|[0-9０-９]{1,24}(?:\.[0-9０-９]{1,12})?/y;
const WORD = /\p{L}+/uy;

/** Keeps "1.2 × 10^12" from printing as 1200000000000.0002. */
export const tidy = (value: number) => Number(value.toPrecision(12));

export function readDigits(text: string, start: number): NumberReading | null {
  DIGITS.lastIndex = start;
  const match = DIGITS.exec(text);
  if (!match) return null;
  const raw = match[0].normalize("NFKC").replace(/,/g, "");
  // "007", "000": codes and broken thousands ("1, 000" after bad tokenization), not amounts.
  if (/^0\d/.test(raw)) return null;
  const value = Number(raw);
  if (!Number.isFinite(value)) return null;
  return {
    value,
    end: start + match[0].length,
    spelled: false,
    denominator: null,
    plainInteger: /^[0-9０-９]{4}$/.test(match[0]),
  };
}

interface SpelledWord {
  lower: string;
  start: number;
  end: number;
}

/** Up to `max` words joined by single spaces or hyphens ("twenty six", "two-thirds"). */
function spelledWords(text: string, start: number, max: number): SpelledWord[] {
  const out: SpelledWord[] = [];
  let i = start;
  while (out.length < max) {
    WORD.lastIndex = i;
    const match = WORD.exec(text);
    if (!match) break;
    out.push({ lower: match[0].toLowerCase(), start: i, end: i + match[0].length });
    i += match[0].length;
    if (!/^[ \-‐]\p{L}/u.test(text.slice(i, i + 2))) break;
    i += 1;
  }
  return out;
}

/**
 * A number in words: "twelve", "twenty six", "three hundred and fifty", "two million", "a dozen", and spelled
 * fractions ("two-thirds", "a third", "half"). Returns null when the words are no number.
 */
export function readSpelled(text: string, start: number): NumberReading | null {
  const words = spelledWords(text, start, 8);
  let total = 0;
  let current = 0;
  let seen = false;
  let last: "unit" | "tens" | "hundred" | "scale" | "article" | null = null;
  let end = start;
  let k = 0;
  if (words[0]?.lower === "a" || words[0]?.lower === "an") {
    current = 1;
    last = "article";
    k = 1;
  }
  for (; k < words.length; k++) {
    const word = words[k]!.lower;
    if (word in UNITS && last !== "unit" && !(last === "tens" && UNITS[word]! >= 10)) {
      if (last === "article") break;
      current += UNITS[word]!;
      last = "unit";
    } else if (word in TENS && last !== "unit" && last !== "tens") {
      if (last === "article") break;
      current += TENS[word]!;
      last = "tens";
    } else if (word === "hundred" && last !== "hundred" && last !== "scale") {
      current = (current || 1) * 100;
      last = "hundred";
    } else if (word === "dozen" && (last === "article" || last === "unit")) {
      current *= 12;
      last = "unit";
    } else if (/^(?:thousand|million|billion|trillion)$/.test(word) && last !== null && last !== "scale") {
      total += current * SCALES[word]!;
      current = 0;
      last = "scale";
    } else if (
      word === "and" &&
      last === "hundred" &&
      words[k + 1] &&
      /^(?:\p{L}+)$/u.test(words[k + 1]!.lower)
    ) {
      const next = words[k + 1]!.lower;
      if (!(next in UNITS) && !(next in TENS)) break;
      continue;
    } else if (word in FRACTIONS) {
      return readFraction(words, k, current, last, seen || last !== null);
    } else break;
    seen = true;
    end = words[k]!.end;
  }
  if (!seen) return null;
  return { value: total + current, end, spelled: true, denominator: null, plainInteger: false };
}

function readFraction(
  words: readonly SpelledWord[],
  k: number,
  numerator: number,
  last: string | null,
  hasNumerator: boolean,
): NumberReading | null {
  const word = words[k]!.lower;
  const denominator = FRACTIONS[word]!;
  if (word === "half" || word === "halves") {
    if (hasNumerator && last !== "article") return null;
    return { value: 0.5, end: words[k]!.end, spelled: true, denominator: 2, plainInteger: false };
  }
  if (!hasNumerator || numerator === 0 || numerator >= denominator) return null;
  // Plural denominators are always fractions ("two-thirds"); a singular one only as "a third"/"one-third".
  if (!word.endsWith("s") && numerator !== 1) return null;
  return {
    value: numerator / denominator,
    end: words[k]!.end,
    spelled: true,
    denominator,
    plainInteger: false,
  };
}

/** Digits or words, whichever starts at `at`. */
export function readNumber(text: string, at: number): NumberReading | null {
  return /[0-9０-９]/.test(text[at]!) ? readDigits(text, at) : readSpelled(text, at);
}

export interface Scale {
  factor: number;
  end: number;
}

const ATTACHED_SCALE = /(bn|mn|mln|tn|trn|[kmb])(?![\p{L}\p{N}])/uy;
const SPACED_SCALE = /[ -](thousand|million|billion|trillion|bn|mn|mln|tn|trn|lakh|crore)(?![\p{L}])/iuy;
const CJK_SCALE = /[千万億亿兆]{1,2}/y;

/** "550 billion", "€30m", "2bn", "1.2兆": the multiplier right after the digits. */
export function readScale(text: string, end: number, hasCurrency: boolean): Scale | null {
  for (const pattern of [SPACED_SCALE, ATTACHED_SCALE, CJK_SCALE]) {
    pattern.lastIndex = end;
    const match = pattern.exec(text);
    if (!match) continue;
    const word = (match[1] ?? match[0]).toLowerCase();
    // "30m" is 30 metres and "5k" a race without a currency sign; "bn"/"mn" are only ever amounts.
    if (pattern === ATTACHED_SCALE && /^[kmb]$/.test(word) && !hasCurrency) return null;
    let factor = 1;
    for (const ch of pattern === CJK_SCALE ? [...word] : [word]) factor *= SCALES[ch] ?? 1;
    return { factor, end: end + match[0].length };
  }
  return null;
}

const PREFIXES = Object.keys(CURRENCY_PREFIXES).sort((a, b) => b.length - a.length);

/** A currency sign or code right before `start` ("$", "US$", "€", "RMB "), and where it begins. */
export function currencyBefore(text: string, start: number): { code: string; start: number } | null {
  const window = text.slice(Math.max(0, start - 6), start);
  const trimmed = window.replace(/[ \u00a0]$/, "");
  for (const prefix of PREFIXES) {
    if (!trimmed.endsWith(prefix)) continue;
    const at = start - (window.length - trimmed.length) - prefix.length;
    // Letter codes need a boundary before them: "RMB 5", not "ARMB5".
    if (/^\p{L}/u.test(prefix) && at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1]!)) continue;
    return { code: CURRENCY_PREFIXES[prefix]!, start: at };
  }
  return null;
}

const CURRENCY_AFTER =
  /[ \u00a0]+(?:(us|u\.s\.|american|canadian|australian|hong kong|singapore|new zealand|taiwan(?:ese)?)[ \u00a0]+)?(dollars?|yen|yuan|renminbi|euros?|sterling|won|rupees?|rubles?|roubles?|pesos?|francs?|rand|ringgit|baht|rupiah|lira|shekels?|riyals?|dirhams?|naira|hryvnias?)(?![\p{L}])/iuy;
const CODE_AFTER = /[ \u00a0]+([A-Z]{3})(?![\p{L}])/uy;
const CJK_CURRENCY = /(米ドル|ドル|円|ユーロ|ウォン|人民币|美元|欧元|日元|韩元|英镑|元)/y;

/** A currency named after the amount ("1.2 trillion yen", "5 billion Canadian dollars", "5500億ドル"). */
export function currencyAfter(text: string, end: number): { code: string; end: number } | null {
  CURRENCY_AFTER.lastIndex = end;
  const named = CURRENCY_AFTER.exec(text);
  if (named) {
    const country = named[1]?.toLowerCase();
    const word = named[2]!.toLowerCase();
    const code = /^dollars?$/.test(word) && country ? DOLLAR_COUNTRIES[country]! : CURRENCY_WORDS[word]!;
    return { code, end: end + named[0].length };
  }
  CODE_AFTER.lastIndex = end;
  const iso = CODE_AFTER.exec(text);
  if (iso && ISO_CODES.has(iso[1]!)) return { code: iso[1]!, end: end + iso[0].length };
  CJK_CURRENCY.lastIndex = end;
  const cjk = CJK_CURRENCY.exec(text);
  if (cjk) return { code: CURRENCY_WORDS[cjk[1]!]!, end: end + cjk[0].length };
  return null;
}

const PERCENT =
  /[ \u00a0]?(?:%|％)|[ \u00a0-](?:percentage[ \u00a0]points?|per[ \u00a0]?cent|pct)(?![\p{L}])/iuy;

/** "%", " percent", " per cent", " percentage points": the unit, and where the sign ends. */
export function percentAfter(text: string, end: number): { unit: string; end: number } | null {
  PERCENT.lastIndex = end;
  const match = PERCENT.exec(text);
  if (!match) return null;
  return { unit: /points?/i.test(match[0]) ? "percentage points" : "%", end: end + match[0].length };
}

const CJK_COUNTER = /(議席|个国家|カ国|か国|人|名|席|件|社|棟|戸)/y;

/** "3万人", "352議席": a counter written straight after a CJK number. */
export function cjkCounterAfter(text: string, end: number): { unit: string; end: number } | null {
  CJK_COUNTER.lastIndex = end;
  const match = CJK_COUNTER.exec(text);
  return match ? { unit: CJK_COUNTERS[match[1]!] ?? "units", end: end + match[0].length } : null;
}
