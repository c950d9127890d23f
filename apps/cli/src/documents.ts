import { readFile } from "node:fs/promises";
import { decodeHtmlBytes, decodeTextBytes, detectBinary } from "@parallax/core/normalize";

export interface LocalDocument {
  kind: "html" | "text";
  content: string;
}

/** Reads standard input to the end. */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function looksLikeHtml(path: string, text: string): boolean {
  if (/\.x?html?$/i.test(path)) return true;
  const head = text.slice(0, 1024).trimStart().toLowerCase();
  return head.startsWith("<!doctype") || head.startsWith("<html") || /<(body|p|article|div)[\s>]/.test(head);
}

/**
 * A file (or `-` for standard input) as HTML or text; binary files are refused with their detected type.
 * Bytes become text through core's decoders, as in the worker and the bench: BOM, declared charset (HTML
 * only), detection for everything else.
 */
export async function readLocalDocument(path: string): Promise<LocalDocument> {
  const bytes = path === "-" ? await readStdin() : await readFile(path);
  const binary = detectBinary(bytes);
  if (binary) throw new Error(`unsupported content (${binary})`);
  const text = decodeTextBytes(bytes);
  // A page may name its charset in <meta>, which plain-text detection does not read: decode it as HTML.
  if (looksLikeHtml(path, text)) return { kind: "html", content: decodeHtmlBytes(bytes, null) };
  return { kind: "text", content: text };
}
