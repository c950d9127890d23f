import {
  bomEncoding,
  type Candidate,
  decodeWith,
  type EncodingName,
  detectionSample,
  encodingForLabel,
  errorRate,
  hasHighBytes,
  hasIso2022JpEscapes,
  isMostlyUtf8,
  rankEncodings,
  utf8Stats,
  utf16WithoutBom,
} from "./charset-detect";
import { implausibility } from "./charset-plausible";

export { encodingForLabel } from "./charset-detect";

/** Where the encoding came from; `detected` also covers a declaration that the bytes clearly contradict. */
export type EncodingSource = "bom" | "http" | "meta" | "xml" | "detected";

export interface EncodingChoice {
  encoding: EncodingName;
  source: EncodingSource;
}

// The WHATWG prescan reads 1024 bytes; pages with long <head> preambles put <meta charset> later, so 4 KB.
const PRESCAN_BYTES = 4096;
// A declared multi-byte encoding that fails on more than this share of the non-ASCII characters is wrong.
const MAX_DECLARED_ERRORS = 0.02;
// A detected encoding replaces a declared one only when the statistics are this sure and prefer it by this
// margin: a correct declaration wins every close call (short texts give weak statistics).
const OVERRIDE_CONFIDENCE = 60;
const OVERRIDE_MARGIN = 40;
// Decoding with the detector's pick must be nearly clean for the pick to be taken.
const MAX_DETECTED_ERRORS = 0.01;
// Two anomalies (see implausibility) per hundred letters. Real text stays below ("iPhone" in a short Japanese
// text is one); one accented letter of a German text read as Shift_JIS makes two within a few dozen letters.
const MAX_IMPLAUSIBILITY = 0.02;
// chardet scores some thirty encodings; beyond the first few they are noise.
const MAX_CANDIDATES = 6;

/** The charset parameter of a Content-Type header or of a meta element's content attribute. */
function charsetParameter(value: string | null | undefined): string | null {
  const match = value?.match(/charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i);
  return match ? (match[1] ?? match[2] ?? match[3] ?? null) : null;
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = m[1]!.toLowerCase();
    if (!found.has(name)) found.set(name, m[2] ?? m[3] ?? m[4] ?? "");
  }
  return found;
}

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`, comments skipped. */
export function metaCharset(head: string): string | null {
  const text = head.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  for (const m of text.matchAll(/<meta\s([^>]*)>?/gi)) {
    const attrs = attributes(m[1]!);
    const charset = attrs.get("charset");
    if (charset) return charset;
    if (attrs.get("http-equiv")?.trim().toLowerCase() === "content-type") {
      const fromContent = charsetParameter(attrs.get("content"));
      if (fromContent) return fromContent;
    }
  }
  return null;
}

function xmlEncoding(head: string): string | null {
  return /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ?? null;
}

// WHATWG's gbk decoder is its gb18030 decoder: a page declaring one is not contradicted by the other.
const sameDecoder = (a: EncodingName, b: EncodingName) =>
  a === b || (a === "gbk" && b === "gb18030") || (a === "gb18030" && b === "gbk");

interface Reading {
  encoding: EncodingName;
  confidence: number;
  text: string;
  errors: number;
  implausibility: number;
}

function read(sample: Uint8Array, encoding: EncodingName, confidence: number): Reading {
  const text = decodeWith(encoding, sample);
  return { encoding, confidence, text, errors: errorRate(text), implausibility: implausibility(text) };
}

// Single-byte tables for Latin scripts: they agree on most accented letters, so short texts barely separate them.
const LATIN_SINGLE_BYTE = new Set([
  "windows-1250",
  "windows-1254",
  "windows-1257",
  "windows-1258",
  "iso-8859-2",
  "iso-8859-3",
  "iso-8859-4",
  "iso-8859-10",
  "iso-8859-13",
  "iso-8859-14",
  "iso-8859-15",
  "iso-8859-16",
  "macintosh",
]);
// How far behind windows-1252 may trail another Latin table and still be chosen: it is the web's most common
// legacy encoding by far, and chardet's scores for Latin tables on short texts differ by noise.
const WINDOWS_1252_PRIOR = 10;

function preferWindows1252(chosen: Reading, candidates: readonly Reading[]): Reading {
  if (!LATIN_SINGLE_BYTE.has(chosen.encoding)) return chosen;
  const western = candidates.find((r) => r.encoding === "windows-1252");
  if (!western || !isPlausible(western)) return chosen;
  const same = western.text === chosen.text;
  return same || western.confidence >= chosen.confidence - WINDOWS_1252_PRIOR ? western : chosen;
}

/** The statistics' leading candidates, each decoded and judged, chardet's favourite first. */
function readings(sample: Uint8Array, ranked: readonly Candidate[]): Reading[] {
  return ranked
    .filter((c, i) => i < MAX_CANDIDATES || c.encoding === "windows-1252")
    .map((c) => read(sample, c.encoding, c.confidence));
}

const isClean = (r: Reading) => r.errors <= MAX_DETECTED_ERRORS;
const isPlausible = (r: Reading) => isClean(r) && r.implausibility < MAX_IMPLAUSIBILITY;

/**
 * A better encoding when the bytes clearly contradict the declared one: it fails to decode them, it gives text
 * no language looks like (mixed scripts inside words, "пРЕМЬЕР" case, Latin that is mostly accents) where
 * another encoding does not, or the statistics strongly prefer another that decodes cleanly. Null keeps the
 * declaration: it wins every close call.
 */
function contradicted(declared: EncodingName, sample: Uint8Array): EncodingName | null {
  const ranked = rankEncodings(sample);
  const ownConfidence = ranked.find((c) => sameDecoder(c.encoding, declared))?.confidence ?? 0;
  const own = read(sample, declared, ownConfidence);
  const others = readings(
    sample,
    ranked.filter((c) => !sameDecoder(c.encoding, declared)),
  );
  if (own.errors > MAX_DECLARED_ERRORS)
    return (others.find(isPlausible) ?? others.find(isClean))?.encoding ?? null;
  if (own.implausibility >= MAX_IMPLAUSIBILITY) {
    // The statistics must agree: Shift_JIS bytes also decode cleanly as GBK, into Han that looks fine here.
    const better = others.find(
      (r) => isClean(r) && r.implausibility <= own.implausibility / 4 && r.confidence > own.confidence,
    );
    if (better) return better.encoding;
  }
  const top = others[0];
  if (!top || top.confidence < OVERRIDE_CONFIDENCE || top.confidence - ownConfidence < OVERRIDE_MARGIN) {
    return null;
  }
  return isPlausible(top) ? top.encoding : null;
}

/**
 * The most likely encoding that gives clean, plausible text, else the most likely clean one, else the web's
 * default. chardet's order decides among plausible readings: plausibility cannot tell GBK from Shift_JIS.
 */
function detect(sample: Uint8Array): EncodingName {
  const candidates = readings(sample, rankEncodings(sample));
  const chosen = candidates.find(isPlausible) ?? candidates.find(isClean) ?? candidates[0];
  return chosen ? preferWindows1252(chosen, candidates).encoding : "windows-1252";
}

/**
 * Which encoding to read `bytes` with: BOM, then the declaration (HTTP header, then the document's own), each
 * checked against the bytes, then detection. Valid UTF-8 beats any declaration: legacy text is practically
 * never well-formed UTF-8, while UTF-8 pages mislabelled ISO-8859-1 are common.
 */
function chooseEncoding(
  bytes: Uint8Array,
  declarations: readonly [EncodingSource, string | null][],
  markup: boolean,
): EncodingChoice {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom, source: "bom" };
  let declared: EncodingChoice | null = null;
  for (const [source, label] of declarations) {
    const encoding = encodingForLabel(label);
    if (encoding) {
      declared = { encoding, source };
      break;
    }
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return declared?.encoding === utf16 ? declared : { encoding: utf16, source: "detected" };
  // UTF-16 named by a document that is evidently not UTF-16 (the check above) is a copy-paste of a template.
  if (declared?.encoding.startsWith("utf-16")) declared = null;

  if (!hasHighBytes(bytes)) {
    if (hasIso2022JpEscapes(bytes)) {
      return declared?.encoding === "iso-2022-jp"
        ? declared
        : { encoding: "iso-2022-jp", source: "detected" };
    }
    return declared ?? { encoding: "utf-8", source: "detected" };
  }
  const stats = utf8Stats(bytes);
  if (isMostlyUtf8(stats)) {
    return declared?.encoding === "utf-8" ? declared : { encoding: "utf-8", source: "detected" };
  }
  const sample = detectionSample(bytes, markup);
  if (declared && declared.encoding !== "utf-8") {
    const better = contradicted(declared.encoding, sample);
    return better ? { encoding: better, source: "detected" } : declared;
  }
  return { encoding: detect(sample), source: "detected" };
}

/** The encoding an HTML page is read with, and why (exposed for diagnostics and tests). */
export function htmlEncoding(bytes: Uint8Array, contentType: string | null): EncodingChoice {
  // windows-1252 maps each byte to one UTF-16 unit, so offsets in `head` are byte offsets.
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, PRESCAN_BYTES));
  let meta = metaCharset(head);
  // The WHATWG prescan reads a meta's UTF-16 as UTF-8: a document that can declare itself in ASCII is not UTF-16.
  if (meta && /^\s*utf-?16/i.test(meta)) meta = "utf-8";
  return chooseEncoding(
    bytes,
    [
      ["http", charsetParameter(contentType)],
      ["meta", meta],
      ["xml", xmlEncoding(head)],
    ],
    true,
  );
}

/** The encoding of plain text (a pasted or uploaded file): BOM, UTF-16, UTF-8, else detection. */
export function textEncoding(bytes: Uint8Array): EncodingChoice {
  return chooseEncoding(bytes, [], false);
}

/**
 * An HTML page's bytes as a string. BOM, HTTP charset, `<meta>` or XML declaration in the first 4 KB, with
 * labels mapped as browsers map them (WHATWG Encoding); detection when nothing is declared or the
 * declaration is clearly wrong. Undecodable bytes become U+FFFD, never an exception.
 */
export function decodeHtmlBytes(bytes: Uint8Array, contentType: string | null): string {
  return decodeWith(htmlEncoding(bytes, contentType).encoding, bytes);
}

/** Plain-text bytes as a string, with the same detection as decodeHtmlBytes but no markup to read. */
export function decodeTextBytes(bytes: Uint8Array): string {
  return decodeWith(textEncoding(bytes).encoding, bytes);
}
