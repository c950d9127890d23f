import { detectBinary } from "../normalize/binary";
import { decodeHtmlBytes, decodeTextBytes } from "../normalize/charset";
import { type IngestRequest, MAX_PASTE_BYTES } from "../schemas/ingest";
import { checkUpload, displayName } from "./check";
import { markdownToText } from "./markdown";

const HTML_START =
  /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|article[\s>])/i;

export type UploadResult =
  | { ok: true; kind: "html" | "text"; request: IngestRequest }
  | { ok: false; error: string };

/**
 * An uploaded file's bytes to the request `submitArticle` takes. The type comes from the extension and the
 * content together: binary content is refused whatever the name says, a .txt that is an HTML page is read as
 * HTML, an .html without markup as text. Bytes are decoded with the normalizer's charset detection, never the
 * browser's guess. Markdown is reduced to plain paragraphs.
 */
export function uploadToIngest(
  name: string,
  bytes: Uint8Array,
  contentType: string | null = null,
): UploadResult {
  const checked = checkUpload(name, bytes.byteLength);
  if (!checked.ok) return checked;
  const shown = displayName(name);
  const binary = detectBinary(bytes);
  if (binary) {
    const what = binary === "binary" ? "binary data" : `a ${binary.toUpperCase()} file`;
    return { ok: false, error: `“${shown}” is not text or HTML: its content is ${what}.` };
  }
  // Only an explicit charset from the upload is trusted as a hint; the content decides the rest.
  const charsetHint = contentType && /charset=/i.test(contentType) ? contentType : null;
  // windows-1252 maps every byte to a character, so markup is found whatever the real encoding.
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 65_536));
  const asHtml = HTML_START.test(head) || (checked.kind === "html" && /<[a-z][a-z0-9]*[\s>]/i.test(head));
  const decoded = asHtml ? decodeHtmlBytes(bytes, charsetHint) : decodeTextBytes(bytes);
  const replacement = decoded.slice(0, 65536).match(/\ufffd/g)?.length ?? 0;
  if (replacement > Math.min(decoded.length, 65536) * 0.1) {
    return { ok: false, error: `“${shown}” could not be read as text in any known character encoding.` };
  }
  const text = !asHtml && checked.kind === "markdown" ? markdownToText(decoded) : decoded;
  if (!text.trim()) return { ok: false, error: `“${shown}” has no text in it.` };
  if (new TextEncoder().encode(text).byteLength > MAX_PASTE_BYTES) {
    return { ok: false, error: `“${shown}” is larger than 5 MB once decoded; split it or save it as UTF-8.` };
  }
  return asHtml
    ? { ok: true, kind: "html", request: { html: text } }
    : { ok: true, kind: "text", request: { text } };
}
