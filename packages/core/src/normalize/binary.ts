import { bomEncoding, indexOfAscii, utf16WithoutBom } from "./charset-detect";

type Signature = { kind: string; offset: number; bytes: readonly number[] };

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

// Magic numbers from the formats' specifications; the first match wins, so longer signatures come first.
const SIGNATURES: readonly Signature[] = [
  { kind: "pdf", offset: 0, bytes: ascii("%PDF-") },
  { kind: "png", offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: "jpeg", offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { kind: "gif", offset: 0, bytes: ascii("GIF8") },
  { kind: "webp", offset: 8, bytes: ascii("WEBP") },
  { kind: "wav", offset: 8, bytes: ascii("WAVE") },
  { kind: "avi", offset: 8, bytes: ascii("AVI ") },
  { kind: "zip", offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: "zip", offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: "gzip", offset: 0, bytes: [0x1f, 0x8b] },
  { kind: "bzip2", offset: 0, bytes: ascii("BZh") },
  { kind: "xz", offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { kind: "zstd", offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { kind: "7z", offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: "rar", offset: 0, bytes: ascii("Rar!\x1a\x07") },
  // OLE2 compound files: .doc, .xls, .ppt and .msg before Office 2007.
  { kind: "ms-office", offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: "tiff", offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { kind: "tiff", offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { kind: "ico", offset: 0, bytes: [0x00, 0x00, 0x01, 0x00] },
  { kind: "mp4", offset: 4, bytes: ascii("ftyp") },
  { kind: "mp3", offset: 0, bytes: ascii("ID3") },
  // MPEG-1/2 Layer III frame sync without an ID3 tag (with and without CRC).
  { kind: "mp3", offset: 0, bytes: [0xff, 0xfb] },
  { kind: "mp3", offset: 0, bytes: [0xff, 0xfa] },
  { kind: "mp3", offset: 0, bytes: [0xff, 0xf3] },
  { kind: "mp3", offset: 0, bytes: [0xff, 0xf2] },
  { kind: "ogg", offset: 0, bytes: ascii("OggS") },
  { kind: "flac", offset: 0, bytes: ascii("fLaC") },
  { kind: "webm", offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { kind: "woff", offset: 0, bytes: ascii("wOFF") },
  { kind: "woff2", offset: 0, bytes: ascii("wOF2") },
  { kind: "sqlite", offset: 0, bytes: ascii("SQLite format 3\x00") },
  { kind: "wasm", offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { kind: "elf", offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: "exe", offset: 0, bytes: ascii("MZ") },
  { kind: "mach-o", offset: 0, bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { kind: "mach-o", offset: 0, bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { kind: "java-class", offset: 0, bytes: [0xca, 0xfe, 0xba, 0xbe] },
];

function matches(bytes: Uint8Array, { offset, bytes: signature }: Signature): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function asciiAt(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

// Prefixes of plain text that happen to start like a signature ("BZh…", "MZ…", "ÿû" in Latin-1) are ruled out
// by what the real formats always carry next.
const CONFIRM: Readonly<Record<string, (bytes: Uint8Array) => boolean>> = {
  // A bzip2 stream continues with a block size digit and the block magic 0x314159.
  bzip2: (b) => b.length >= 10 && b[3]! >= 0x31 && b[3]! <= 0x39 && b[4] === 0x31 && b[5] === 0x41,
  // The DOS header is 64 bytes of little-endian fields, zeros among them; text has none.
  exe: (b) => b.length >= 64 && b.subarray(2, 64).includes(0),
  // A frame header's bitrate nibble 1111 is forbidden; after the sync byte, 0xff rules out text ("ÿû…").
  mp3: (b) => b[0] !== 0xff || (b.length >= 4 && (b[2]! & 0xf0) !== 0xf0),
  webp: (b) => asciiAt(b, 0, 4) === "RIFF",
  wav: (b) => asciiAt(b, 0, 4) === "RIFF",
  avi: (b) => asciiAt(b, 0, 4) === "RIFF",
};

const MP4_IMAGE_BRANDS: Readonly<Record<string, string>> = {
  avif: "avif",
  avis: "avif",
  heic: "heic",
  heix: "heic",
  mif1: "heic",
  msf1: "heic",
};

/** Office documents and e-books are zip archives; the entry names near the start say which. */
function zipKind(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 64 * 1024);
  // EPUB and OpenDocument put an uncompressed "mimetype" entry first, as their specifications require.
  if (asciiAt(head, 30, 8) === "mimetype") {
    const mime = asciiAt(head, 38, 60);
    if (mime.startsWith("application/epub+zip")) return "epub";
    if (mime.startsWith("application/vnd.oasis.opendocument.text")) return "odt";
    if (mime.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
  }
  if (indexOfAscii(head, "word/", 0) >= 0) return "docx";
  if (indexOfAscii(head, "xl/", 0) >= 0) return "xlsx";
  if (indexOfAscii(head, "ppt/", 0) >= 0) return "pptx";
  return "zip";
}

function refine(kind: string, bytes: Uint8Array): string {
  if (kind === "zip") return zipKind(bytes);
  if (kind === "mp4") return MP4_IMAGE_BRANDS[asciiAt(bytes, 8, 4)] ?? "mp4";
  return kind;
}

/**
 * The kind of a binary file from its first bytes ("pdf", "png", "docx", "zip", ...), "binary" for other content
 * with NUL bytes, or null for what may be text. UTF-16 text, which is full of NULs, is recognised by its BOM or
 * by the pattern of its NULs and is not binary.
 */
export function detectBinary(bytes: Uint8Array): string | null {
  const bom = bomEncoding(bytes);
  if (bom === "utf-16le" || bom === "utf-16be") return null;
  for (const signature of SIGNATURES) {
    if (!matches(bytes, signature)) continue;
    if (!(CONFIRM[signature.kind]?.(bytes) ?? true)) continue;
    return refine(signature.kind, bytes);
  }
  const sample = bytes.subarray(0, 8192);
  if (!sample.includes(0)) return null;
  return utf16WithoutBom(bytes) ? null : "binary";
}

/**
 * The same for text that was binary once and got decoded (a PDF pasted into a form, a zip read as UTF-8):
 * characters above U+00FF cannot be a signature's bytes, so only formats with ASCII magic are named.
 */
export function detectBinaryText(text: string): string | null {
  const head = text.slice(0, 1024);
  const bytes = Uint8Array.from(head, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? code : 0x3f;
  });
  return detectBinary(bytes);
}
