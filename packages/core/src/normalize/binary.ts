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
  { kind: "7z", offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: "rar", offset: 0, bytes: ascii("Rar!\x1a\x07") },
  { kind: "ole", offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: "tiff", offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { kind: "tiff", offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { kind: "ico", offset: 0, bytes: [0x00, 0x00, 0x01, 0x00] },
  { kind: "mp4", offset: 4, bytes: ascii("ftyp") },
  { kind: "mp3", offset: 0, bytes: ascii("ID3") },
  { kind: "ogg", offset: 0, bytes: ascii("OggS") },
  { kind: "flac", offset: 0, bytes: ascii("fLaC") },
  { kind: "webm", offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { kind: "woff", offset: 0, bytes: ascii("wOFF") },
  { kind: "woff2", offset: 0, bytes: ascii("wOF2") },
  { kind: "sqlite", offset: 0, bytes: ascii("SQLite format 3\x00") },
  { kind: "wasm", offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { kind: "elf", offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

function matches(bytes: Uint8Array, { offset, bytes: signature }: Signature): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

// "BZh" alone also starts English words; a real bzip2 stream continues with a block size digit and a fixed magic.
function isBzip2(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 10 && bytes[3]! >= 0x31 && bytes[3]! <= 0x39 && bytes[4] === 0x31 && bytes[5] === 0x41
  );
}

/**
 * The kind of a binary file from its first bytes ("pdf", "png", "zip", ...), "binary" for other content with
 * NUL bytes, or null for what may be text. UTF-16 text (which is full of NULs) is recognised by its BOM.
 */
export function detectBinary(bytes: Uint8Array): string | null {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return null;
  }
  for (const signature of SIGNATURES) {
    if (!matches(bytes, signature)) continue;
    if (signature.kind === "bzip2" && !isBzip2(bytes)) continue;
    if (signature.kind === "webp" || signature.kind === "wav" || signature.kind === "avi") {
      if (!matches(bytes, { kind: "riff", offset: 0, bytes: ascii("RIFF") })) continue;
    }
    return signature.kind;
  }
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0) ? "binary" : null;
}
