/** Charset named by the HTTP header, else by a <meta> in the first 4 KB, else UTF-8 (with a BOM honoured). */
export function decodeHtmlBytes(bytes: Uint8Array, contentType: string | null): string {
  const declared =
    charsetOf(contentType) ??
    charsetOf(metaCharset(new TextDecoder("latin1").decode(bytes.subarray(0, 4096))) ?? null);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label falls through to UTF-8 rather than failing the article.
    }
  }
  return new TextDecoder("utf-8").decode(bytes);
}

function charsetOf(value: string | null): string | null {
  const match = value?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return match ? match[1]!.toLowerCase() : null;
}

function metaCharset(head: string): string | null {
  const direct = head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i);
  return direct ? `charset=${direct[1]}` : null;
}
