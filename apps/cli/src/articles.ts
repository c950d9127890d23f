import { normalize, type NormalizeInput, type NormalizeOptions } from "@parallax/core/normalize";
import { type NormalizedArticle, zNormalizedArticle } from "@parallax/core/schemas";
import { type LocalDocument, readLocalDocument } from "./documents";

export interface ReadOptions {
  url?: string;
  title?: string;
  publishedAt?: string;
}

/** A document normalized exactly as the worker would, parsed through the contract schema. */
export async function extractFile(file: string, options: ReadOptions): Promise<NormalizedArticle> {
  return extractDocument(await readLocalDocument(file), options);
}

function extractDocument(document: LocalDocument, options: ReadOptions): NormalizedArticle {
  const input: NormalizeInput =
    document.kind === "html"
      ? { kind: "html", html: document.content, ...(options.url ? { url: options.url } : {}) }
      : { kind: "text", text: document.content, ...(options.url ? { url: options.url } : {}) };
  const normalizeOptions: NormalizeOptions = {
    ...(options.title ? { title: options.title } : {}),
    ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
  };
  // Parsing through the schema keeps the JSON to the published contract, field order included.
  return zNormalizedArticle.parse(normalize(input, normalizeOptions));
}

/**
 * The articles in a file: the JSON lines `parallax extract --json` prints (a later stage's output carries the
 * same fields and more), or a text/HTML document normalized on the spot.
 */
export async function readArticles(file: string, options: ReadOptions = {}): Promise<NormalizedArticle[]> {
  const document = await readLocalDocument(file);
  const trimmed = document.content.trimStart();
  if (document.kind === "text" && trimmed.startsWith("{")) {
    const lines = trimmed.split("\n").filter((line) => line.trim());
    const parsed = lines.map((line, index) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new Error(`line ${index + 1} is not JSON`);
      }
      const article = zNormalizedArticle.safeParse(value);
      if (!article.success)
        throw new Error(`line ${index + 1} is not an extracted article: ${article.error.issues[0]?.message}`);
      return article.data;
    });
    return parsed;
  }
  // Standard input can be read once: normalize the document already read rather than reading the file again.
  return [extractDocument(document, options)];
}
