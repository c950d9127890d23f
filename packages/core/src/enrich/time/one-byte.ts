/**
 * V8 runs the time rules' Unicode, case-insensitive regexps many times slower on two-byte strings than on one-byte
 * (Latin-1) ones, and one curly quote or dash makes a whole paragraph two-byte. So the rules scan a one-byte view
 * of such a paragraph, of the same length, where
 * - a character that can play no part in a match (no letter, digit or space, no case, not named by any rule:
 *   quotes, dashes, ellipses) becomes U+0001, which no rule can match either;
 * - a character a rule names (the apostrophe ’) becomes a control character of its own, and the regexps that scan
 *   the view name that character instead; the groups they capture get the original back.
 * Each rule then matches the view exactly where and as its own regexp matches the paragraph. That holds only if the
 * rules' sources cannot tell the replaced characters apart, which `oneByteScanner` checks once: no negated classes,
 * no escapes naming characters by number, no `.`, no properties but those of letters and digits, no named
 * character as a range endpoint. Paragraphs with any other wide character (another script's letters, emoji,
 * surrogates) or already holding one of the control characters are scanned as they are.
 */
const INERT = 0x01;
const HAS_WIDE = /[^\u0000-\u00ff]/;
// Constructs that match a character by what it is not, or name characters by number or by a property other than
// letter or digit (the inert characters are neither).
const UNSAFE_SYNTAX = /\[\^|\\[SWDPcxuk]|\\p\{(?!(?:L[ultmo]?|N[dlo]?)\})/;
const INERT_CHARACTER =
  /^[^\u0000-\u00ff\p{L}\p{N}\s\p{Cs}\p{Changes_When_Casemapped}\p{Changes_When_Casefolded}]$/u;
// Control characters for the characters the rules name (U+0002 …); news text never holds them.
const FIRST_STAND_IN = 0x02;
const MAX_NAMED = 8;

export interface OneByteScan {
  /** The view to run `regexps` on. */
  text: string;
  /** The rules' regexps, in the order given, as they must run on the view. */
  regexps: readonly RegExp[];
  /** A captured string of the view as the paragraph has it. */
  restore: (captured: string) => string;
}

/** For these regexps (the rules'), a function giving a paragraph's one-byte scan, or null to scan it as it is. */
export function oneByteScanner(regexps: readonly RegExp[]): (text: string) => OneByteScan | null {
  const all = regexps.map((re) => re.source).join("\n");
  const named = [...new Set(all.match(/[^\u0000-\u00ff]/gu) ?? [])];
  const standIns = named.map((_, i) => String.fromCharCode(FIRST_STAND_IN + i));
  const safe =
    named.length <= MAX_NAMED &&
    ![String.fromCharCode(INERT), ...standIns].some((ch) => all.includes(ch)) &&
    !UNSAFE_SYNTAX.test(all.replaceAll("\\u00a0", "").replace(/\\k<\w+>/g, "")) &&
    !hasDotOutsideClass(all) &&
    !named.some((ch) => ch.length > 1 || all.includes(`-${ch}`) || all.includes(`${ch}-`));
  if (!safe) return () => null;
  const standInOf = new Map(named.map((ch, i) => [ch.charCodeAt(0), FIRST_STAND_IN + i]));
  const viewRegexps = regexps.map((re) => {
    let source = re.source;
    named.forEach((ch, i) => {
      source = source.replaceAll(ch, standIns[i]!);
    });
    return new RegExp(source, re.flags);
  });
  const restore = (captured: string) => {
    let out = captured;
    standIns.forEach((standIn, i) => {
      if (out.includes(standIn)) out = out.replaceAll(standIn, named[i]!);
    });
    return out;
  };
  return (text) => {
    if (!HAS_WIDE.test(text)) return null;
    const codes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x100) {
        if (code >= FIRST_STAND_IN && code < FIRST_STAND_IN + named.length) return null;
        codes[i] = code;
        continue;
      }
      const standIn = standInOf.get(code);
      if (standIn !== undefined) codes[i] = standIn;
      else if (INERT_CHARACTER.test(text[i]!)) codes[i] = INERT;
      else return null;
    }
    return { text: latin1String(codes), regexps: viewRegexps, restore };
  };
}

/** `.` outside a character class and not escaped. */
function hasDotOutsideClass(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === ".") return true;
  }
  return false;
}

/** The characters of these codes in a string V8 stores one byte per character. */
function latin1String(codes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < codes.length; i += 4096)
    out += String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[]);
  return out;
}
