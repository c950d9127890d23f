/**
 * V8 runs the time rules' Unicode, case-insensitive regexps many times slower on two-byte strings than on one-byte
 * (Latin-1) ones, and one curly quote or dash makes a whole paragraph two-byte. Most such characters can play no
 * part in a match: they are no letter, digit or space, have no case, and no rule names them. A view of the
 * paragraph with each of them replaced by one such Latin-1 character (U+0001) is one-byte, has the same length and
 * offsets, and every rule matches it exactly where and as it matches the paragraph — provided the rules' sources
 * cannot tell the two apart, which `oneByteView` checks once for the rules it is given (no negated classes, no
 * escapes naming other characters, no `.`, no properties but those of letters and digits). Paragraphs with any other
 * non-Latin-1 character (letters of other scripts, ’, emoji) are scanned as they are.
 */
const PLACEHOLDER = "\u0001";
const HAS_WIDE = /[^\u0000-\u00ff]/;
// Constructs that match a character by what it is not, or name characters by number or by a property other than
// letter or digit (the inert characters are neither).
const UNSAFE_SYNTAX = /\[\^|\\[SWDPcxuk]|\\p\{(?!(?:L[ultmo]?|N[dlo]?)\})/;

export type OneByteView = (text: string) => string;

/** A function giving the one-byte view of a paragraph for regexps with these sources (the text itself if none). */
export function oneByteView(sources: readonly string[]): OneByteView {
  const all = sources.join("\n");
  const named = [...new Set(all.match(/[^\u0000-\u00ff]/gu) ?? [])];
  const safe =
    !all.includes(PLACEHOLDER) &&
    !UNSAFE_SYNTAX.test(all.replaceAll("\\u00a0", "").replace(/\\k<\w+>/g, "")) &&
    !hasDotOutsideClass(all) &&
    // A named character next to "-" could be a range endpoint: then its neighbours are not inert.
    !named.some((ch) => all.includes(`-${ch}`) || all.includes(`${ch}-`));
  if (!safe) return (text) => text;
  const inert = new RegExp(
    String.raw`[^\u0000-\u00ff\p{L}\p{N}\s\p{Cs}\p{Changes_When_Casemapped}\p{Changes_When_Casefolded}\u{10000}-\u{10ffff}${named.map((ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`).join("")}]`,
    "gu",
  );
  return (text) => {
    if (!HAS_WIDE.test(text)) return text;
    const view = text.replace(inert, PLACEHOLDER);
    return HAS_WIDE.test(view) ? text : latin1String(view);
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

/** The same characters in a string V8 stores one byte per character (`replace` on a two-byte string keeps two). */
function latin1String(text: string): string {
  const codes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  let out = "";
  for (let i = 0; i < codes.length; i += 4096)
    out += String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[]);
  return out;
}
