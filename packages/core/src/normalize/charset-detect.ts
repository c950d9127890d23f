import { analyse } from "chardet";

/** A WHATWG encoding name as `TextDecoder#encoding` spells it ("utf-8", "shift_jis", "windows-1252"). */
export type EncodingName = string;

// Labels that pages and servers use but the WHATWG Encoding spec does not list (Windows code page numbers,
// underscore spellings); each maps to the WHATWG encoding that is a superset of it.
const EXTRA_LABELS: Readonly<Record<string, EncodingName>> = {
  cp932: "shift_jis",
  "ms-932": "shift_jis",
  cp936: "gbk",
  ms936: "gbk",
  cp949: "euc-kr",
  uhc: "euc-kr",
  cp950: "big5",
  eucjp: "euc-jp",
  euc_jp: "euc-jp",
  euckr: "euc-kr",
  euc_kr: "euc-kr",
  "shift-jis": "shift_jis",
  "x-user-defined": "windows-1252",
};

/**
 * The WHATWG encoding a label names ("gb2312" → gbk, "iso-8859-1" → windows-1252, "x-sjis" → shift_jis), or
 * null for labels no decoder here handles, including the spec's "replacement" ones (iso-2022-kr, hz-gb-2312).
 */
export function encodingForLabel(label: string | null | undefined): EncodingName | null {
  const clean = label
    ?.trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  if (!clean || clean.length > 40) return null;
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    const extra = EXTRA_LABELS[clean];
    return extra ?? null;
  }
}

// The WHATWG windows-1252 table for 0x80–0x9F (five bytes it leaves as C1 controls).
const WINDOWS_1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * `bytes` decoded with a WHATWG encoding, malformed sequences as U+FFFD. Node 20.18.3+ and 22.13+ decode
 * windows-1252 (and so "iso-8859-1", "latin1", "ascii") as ISO-8859-1, turning smart quotes and the euro sign
 * into C1 controls (nodejs/node#60888); those are mapped back here, which is a no-op on a fixed Node.
 */
export function decodeWith(encoding: EncodingName, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== "windows-1252") return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}

/** A byte order mark and the encoding it announces; a BOM outranks every declaration (WHATWG "BOM sniff"). */
export function bomEncoding(bytes: Uint8Array): EncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

const UTF16_SAMPLE_BYTES = 4096;

/**
 * UTF-16 without a BOM: NUL in one byte of a quarter or more of the pairs (the high byte of ASCII and Latin-1) and almost
 * never in the other, and the sample decodes without broken surrogates or control characters. Texts in CJK
 * scripts alone have few NULs and are not caught; spaces, digits and punctuation usually give them away.
 */
export function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const length = Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1;
  // Below sixteen characters a NUL pattern is as likely chance ("hello\0world") as UTF-16.
  if (length < 32) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  // A quarter of the characters being ASCII or Latin-1 (spaces, digits, markup) is a low bar for real text.
  const encoding =
    oddZeros >= pairs * 0.25 && evenZeros <= pairs * 0.02
      ? "utf-16le"
      : evenZeros >= pairs * 0.25 && oddZeros <= pairs * 0.02
        ? "utf-16be"
        : null;
  if (!encoding) return null;
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length));
    const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
    return controls <= text.length * 0.01 ? encoding : null;
  } catch {
    // A surrogate half cut at the sample's end is possible but rare enough to read as "not UTF-16".
    return null;
  }
}

export function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** 7-bit bytes that switch into JIS X 0208 (ESC $ B, ESC $ @): ISO-2022-JP, which every ASCII decoder garbles. */
export function hasIso2022JpEscapes(bytes: Uint8Array): boolean {
  for (let i = bytes.indexOf(0x1b); i >= 0 && i < bytes.length - 2; i = bytes.indexOf(0x1b, i + 1)) {
    if (bytes[i + 1] === 0x24 && (bytes[i + 2] === 0x42 || bytes[i + 2] === 0x40)) return true;
  }
  return false;
}

export interface Utf8Stats {
  /** Well-formed sequences of two to four bytes. */
  multibyte: number;
  /** Bytes that start no well-formed sequence. */
  invalid: number;
}

/** Allowed range of the second byte after a UTF-8 lead byte (no overlongs, surrogates or values past U+10FFFF). */
function secondByteRange(lead: number): [number, number] | null {
  if (lead >= 0xc2 && lead <= 0xdf) return [0x80, 0xbf];
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [0x80, 0xbf];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  if (lead >= 0xf1 && lead <= 0xf3) return [0x80, 0xbf];
  return null;
}

/**
 * A strict UTF-8 scan as the WHATWG decoder reads it: well-formed sequences, and errors counted once per
 * maximal ill-formed subsequence (one U+FFFD each), so a character cut in half is one error, not three.
 */
export function utf8Stats(bytes: Uint8Array): Utf8Stats {
  let multibyte = 0;
  let invalid = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const range = secondByteRange(lead);
    const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    let seen = 1;
    if (range && i + 1 < n && bytes[i + 1]! >= range[0] && bytes[i + 1]! <= range[1]) {
      seen = 2;
      while (seen < size && i + seen < n && (bytes[i + seen]! & 0xc0) === 0x80) seen++;
    }
    if (range && seen === size) multibyte++;
    else invalid++;
    i += seen;
  }
  return { multibyte, invalid };
}

/**
 * UTF-8 with a few broken bytes (a truncated character, one pasted legacy fragment) is still UTF-8; legacy CJK
 * text scanned as UTF-8 has several invalid bytes for every sequence that happens to be well formed.
 */
export function isMostlyUtf8({ multibyte, invalid }: Utf8Stats): boolean {
  // GBK or Shift_JIS text forms a well-formed sequence by chance about once per ten characters, nine of which
  // are errors; Latin-1 and Cyrillic text much more rarely. Four to one is far from both.
  return invalid === 0 ? multibyte > 0 : multibyte >= invalid * 4;
}

const DETECTION_SAMPLE_BYTES = 64 * 1024;
const lower = (b: number) => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b);

function startsWithAt(bytes: Uint8Array, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (lower(bytes[at + k] ?? 0) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * The bytes a detector should see: for HTML, text outside tags, comments, scripts and styles (markup is ASCII
 * and would drown the statistics); only lines with non-ASCII bytes, up to 64 KB, so a long English preamble
 * cannot push the telling part out of the sample. Byte-level '<' and '>' are safe: no ASCII-compatible
 * multi-byte encoding uses them as trail bytes (ISO-2022-JP, which does, is settled before sampling).
 */
export function detectionSample(bytes: Uint8Array, markup: boolean): Uint8Array {
  const out = new Uint8Array(Math.min(bytes.length, DETECTION_SAMPLE_BYTES));
  let size = 0;
  let lineStart = 0;
  let lineHigh = false;
  for (let i = 0; i < bytes.length && size < out.length; i++) {
    const b = bytes[i]!;
    if (markup && b === 0x3c) {
      const closer = startsWithAt(bytes, i + 1, "!--")
        ? "-->"
        : startsWithAt(bytes, i + 1, "script")
          ? "</script"
          : startsWithAt(bytes, i + 1, "style")
            ? "</style"
            : ">";
      let end = indexOfAscii(bytes, closer, i + 1);
      // "</script" still needs its own ">".
      if (end >= 0 && closer.length > 3) end = bytes.indexOf(0x3e, end);
      if (end < 0) break;
      i = closer === "-->" ? end + 2 : end;
      out[size++] = 0x20;
      continue;
    }
    out[size++] = b;
    if (b >= 0x80) lineHigh = true;
    if (b === 0x0a) {
      if (!lineHigh) size = lineStart;
      lineStart = size;
      lineHigh = false;
    }
  }
  if (!lineHigh && lineStart > 0) size = lineStart;
  const sample = out.subarray(0, size);
  // A page whose only non-ASCII text sits in attributes (alt, title) still has to be read with its encoding.
  return markup && !hasHighBytes(sample) ? detectionSample(bytes, false) : sample;
}

/** Where an ASCII string (compared case-insensitively) starts in `bytes`, or -1. */
export function indexOfAscii(bytes: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) {
    if (startsWithAt(bytes, i, needle)) return i;
  }
  return -1;
}

export interface Candidate {
  encoding: EncodingName;
  /** chardet's 0–100 score. */
  confidence: number;
}

/**
 * Encodings the statistics favour, best first, one entry per WHATWG encoding (chardet's ISO-8859-1 and
 * windows-1252 are both windows-1252 to a browser).
 */
export function rankEncodings(sample: Uint8Array): Candidate[] {
  const best = new Map<EncodingName, number>();
  for (const match of analyse(sample)) {
    // UTF-8 and UTF-16 are settled by their own checks before statistics are consulted.
    if (/^(?:ASCII|UTF-)/i.test(match.name)) continue;
    const encoding = encodingForLabel(match.name);
    if (encoding && (best.get(encoding) ?? -1) < match.confidence) best.set(encoding, match.confidence);
  }
  // chardet proposes only encodings with some evidence: "Café" alone gets none, so windows-1252 (which decodes
  // any byte) is always the last resort.
  if (!best.has("windows-1252")) best.set("windows-1252", 0);
  return [...best]
    .map(([encoding, confidence]) => ({ encoding, confidence }))
    .sort((a, b) => b.confidence - a.confidence);
}

/** U+FFFD per non-ASCII character of a decoded text: 0 for a clean decode. */
export function errorRate(text: string): number {
  let nonAscii = 0;
  let errors = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    nonAscii++;
    if (code === 0xfffd) errors++;
  }
  return nonAscii === 0 ? 0 : errors / nonAscii;
}
