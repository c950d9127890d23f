/**
 * Cheap character checks for the hot loops of enrichment. Most news text is ASCII, where Unicode properties reduce
 * to plain ranges (`\p{Lu}` is A–Z, `\p{L}` is A–Z and a–z, `\p{N}` is 0–9, NFKC and NFKD change nothing), so
 * callers take these fast paths and keep their Unicode regexp for everything else: results are the same on any
 * input, and the per-character property lookups that dominated the profile run only on non-ASCII text.
 */

/** Every UTF-16 unit below U+0080. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

export const isAsciiUpper = (code: number): boolean => code >= 0x41 && code <= 0x5a;
export const isAsciiLower = (code: number): boolean => code >= 0x61 && code <= 0x7a;
export const isAsciiDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
