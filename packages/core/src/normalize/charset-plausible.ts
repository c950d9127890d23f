/**
 * How wrong a decoding looks, from signs that real text in any language almost never shows but text decoded
 * with the wrong table shows constantly:
 * - letters of two scripts touching inside a word ("Ministerprдsidentin": windows-1252 read as windows-1251;
 *   "pr潪identin": Latin read as Shift_JIS; Latin against Han counts only where Latin letters are the majority);
 * - a lower-case letter followed by an upper-case one ("пРЕМЬЕР": KOI8-R read as windows-1251);
 * - U+FFFD and C1 control characters (bytes the table does not define), box-drawing characters;
 * - Latin text where most letters carry accents ("Ïðåìüåð": Cyrillic or CJK read as windows-1252).
 * The result is anomalies per letter: 0 for clean text, 1 when the Latin letters are mostly accented.
 */
export function implausibility(text: string): number {
  let letters = 0;
  let latin = 0;
  let accentedLatin = 0;
  let anomalies = 0;
  let cjk = 0;
  let latinCjk = 0;
  let previousScript = Script.None;
  let previousLower = false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    // Box drawing and block elements fill KOI8's upper half and have no place in prose.
    if (code === 0xfffd || (code >= 0x80 && code <= 0x9f) || (code >= 0x2500 && code <= 0x259f)) anomalies++;
    const script = scriptOf(code);
    if (script === Script.None) {
      previousScript = Script.None;
      previousLower = false;
      continue;
    }
    letters++;
    if (script === Script.Latin) {
      latin++;
      if (code >= 0x80) accentedLatin++;
    }
    if (previousScript !== Script.None && previousScript !== script) {
      if (previousScript === Script.Cjk || script === Script.Cjk) latinCjk++;
      else anomalies++;
    }
    if (script === Script.Cjk) cjk++;
    const lower = char !== char.toUpperCase();
    const upper = char !== char.toLowerCase();
    if (previousLower && upper && previousScript === script) anomalies++;
    previousScript = script;
    previousLower = lower;
  }
  // Japanese and Chinese put Latin words against Han ("NHKの"); only in mostly Latin text is that a sign.
  if (cjk < latin) anomalies += latinCjk;
  // Vietnamese, the most accented Latin orthography, stays under half; Cyrillic or Han read as Latin-1 is ~90%.
  if (latin >= 20 && accentedLatin > latin * 0.5) return 1;
  return letters === 0 ? 0 : Math.min(1, anomalies / letters);
}

enum Script {
  None,
  Latin,
  Greek,
  Cyrillic,
  Hebrew,
  Arabic,
  Cjk,
  Other,
}

function scriptOf(code: number): Script {
  if (code < 0x80) {
    return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? Script.Latin : Script.None;
  }
  if (code < 0x250) {
    // Latin-1's signs (× ÷ and U+00A0–U+00BF) are not letters.
    return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 ? Script.Latin : Script.None;
  }
  if (code >= 0x1e00 && code <= 0x1eff) return Script.Latin;
  if (code >= 0x370 && code <= 0x3ff) return Script.Greek;
  if (code >= 0x400 && code <= 0x52f) return Script.Cyrillic;
  if (code >= 0x5d0 && code <= 0x5ea) return Script.Hebrew;
  if (code >= 0x620 && code <= 0x64a) return Script.Arabic;
  // Kana, Han, Hangul and full-width Latin mix freely in CJK text, so they count as one script here.
  if (
    (code >= 0x3005 && code <= 0x3007) ||
    (code >= 0x3041 && code <= 0x30ff) ||
    (code >= 0x3131 && code <= 0x318e) ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff21 && code <= 0xff5a) ||
    (code >= 0xff66 && code <= 0xff9f)
  ) {
    return Script.Cjk;
  }
  return /\p{L}/u.test(String.fromCodePoint(code)) ? Script.Other : Script.None;
}
