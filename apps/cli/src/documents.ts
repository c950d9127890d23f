import { readFile } from "node:fs/promises";
import { detectBinary } from "@parallax/core/normalize";

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

/** Decodes UTF-8 (BOM stripped); bytes that are not UTF-8 are read as Windows-1252, the usual legacy default. */
function decode(bytes: Buffer): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return new TextDecoder("windows-1252").decode(bytes.subarray(start));
  }
}

/** A file (or `-` for standard input) as HTML or text; binary files are refused with their detected type. */
export async function readLocalDocument(path: string): Promise<LocalDocument> {
  const bytes = path === "-" ? await readStdin() : await readFile(path);
  const binary = detectBinary(bytes);
  if (binary) throw new Error(`unsupported content (${binary})`);
  const content = decode(bytes);
  return { kind: looksLikeHtml(path, content) ? "html" : "text", content };
}
