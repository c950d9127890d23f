import type { NormalizedArticle } from "../schemas/article";
import { detectBinaryText } from "./binary";
import { cleanText, type Extraction, numberBlocks } from "./blocks";
import { DEFAULT_NORMALIZE_LIMITS, type NormalizeLimits, withBudget } from "./budget";
import { parseIsoDate } from "./dates";
import { NormalizeError } from "./errors";
import { contentHash } from "./hash";
import { extractHtml } from "./html";
import { guessLanguage } from "./language";
import { canonicalUrl, siteNameFromUrl } from "./source";
import { extractText } from "./text";
import { deriveTitle, truncateTitle } from "./title";
import { reconcileUrlDate } from "./url-date";

export { detectBinary } from "./binary";
export { DEFAULT_NORMALIZE_LIMITS, type NormalizeLimits } from "./budget";
export { decodeHtmlBytes, decodeTextBytes, type EncodingChoice, htmlEncoding, textEncoding } from "./charset";
export { NormalizeError, type NormalizeErrorCode } from "./errors";
export { NORMALIZER_VERSION } from "./version";

export type NormalizeInput =
  | { kind: "text"; text: string; title?: string; url?: string; sourceName?: string }
  | { kind: "html"; html: string; url?: string };

export interface NormalizeOptions {
  /** ISO 8601 date or date-time; overrides whatever the document says. */
  publishedAt?: string;
  /** Overrides the document's own headline. */
  title?: string;
  /** Size, element and time limits; each one left out is DEFAULT_NORMALIZE_LIMITS'. */
  limits?: Partial<NormalizeLimits>;
  /** Milliseconds, for the time budget; tests give a clock of their own. */
  clock?: () => number;
}

/**
 * Larger than any article page (the paste limit is 5 MB); the cap keeps one hostile document from holding a
 * worker for long.
 */
export const MAX_DOCUMENT_CHARS = DEFAULT_NORMALIZE_LIMITS.maxChars;
// Explicit titles are shown as they are, but a hostile <title> must not become a megabyte-long heading.
const MAX_TITLE_CHARS = 500;
const BINARY_SAMPLE_CHARS = 65_536;

/** NUL anywhere, or a sample where more than a tenth is control or replacement characters (decoded binary). */
function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.slice(0, BINARY_SAMPLE_CHARS);
  const junk = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return junk > sample.length * 0.1;
}

function optionalText(value: string | undefined): string | null {
  const text = cleanText(value ?? "");
  return text ? truncateTitle(text, MAX_TITLE_CHARS) : null;
}

function languageSample(extraction: Extraction): string {
  let sample = "";
  for (const block of extraction.blocks) {
    if (sample.length > 20_000) break;
    sample += `${block.text}\n`;
  }
  return sample;
}

function megabytes(chars: number): string {
  return `${Math.round((chars / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * One document (pasted text or an HTML page) to a NormalizedArticle: numbered body paragraphs, title, byline,
 * date, site, language, URLs and a content hash. Pure and bounded in size and time (`options.limits`); throws
 * NormalizeError for input that is empty, binary, too large or too complex, takes longer than the time budget,
 * or carries no article.
 */
export function normalize(input: NormalizeInput, options: NormalizeOptions = {}): NormalizedArticle {
  const limits = { ...DEFAULT_NORMALIZE_LIMITS, ...options.limits };
  const raw = input.kind === "text" ? input.text : input.html;
  if (typeof raw !== "string" || !/[^\s\u00ad\u200b\u2060\ufeff]/.test(raw)) {
    throw new NormalizeError("empty", "empty document");
  }
  if (raw.length > limits.maxChars)
    throw new NormalizeError("too-large", `document too large (over ${megabytes(limits.maxChars)})`);
  return withBudget(limits.timeBudgetMs, options.clock ?? (() => performance.now()), () =>
    normalizeWithin(input, raw, options, limits),
  );
}

function normalizeWithin(
  input: NormalizeInput,
  raw: string,
  options: NormalizeOptions,
  limits: NormalizeLimits,
): NormalizedArticle {
  if (looksBinary(raw)) {
    throw new NormalizeError("unsupported", `unsupported content (${detectBinaryText(raw) ?? "binary"})`);
  }

  let publishedOverride: string | null = null;
  if (options.publishedAt !== undefined) {
    publishedOverride = parseIsoDate(options.publishedAt);
    if (!publishedOverride)
      throw new RangeError(`publishedAt is not an ISO 8601 date: ${options.publishedAt}`);
  }
  const givenTitle =
    optionalText(options.title) ?? (input.kind === "text" ? optionalText(input.title) : null);
  const extraction =
    input.kind === "text" ? extractText(raw, givenTitle ?? undefined) : extractHtml(raw, limits.maxElements);
  const paragraphs = numberBlocks(extraction.blocks);
  if (paragraphs.length === 0) throw new NormalizeError("no-article", "no article found");

  const documentTitle = optionalText(extraction.title ?? undefined);
  const title = givenTitle ?? documentTitle;
  const url = input.url?.trim() || null;
  const sourceName = input.kind === "text" ? optionalText(input.sourceName) : null;
  return {
    title: title ?? deriveTitle(paragraphs),
    titleSource: title ? "explicit" : "derived",
    byline: extraction.byline,
    authors: extraction.authors,
    publishedAt: publishedOverride ?? reconcileUrlDate(extraction.publishedAt, url),
    modifiedAt: extraction.modifiedAt,
    siteName: sourceName ?? extraction.siteName ?? siteNameFromUrl(url),
    language: extraction.language ?? guessLanguage(languageSample(extraction)),
    url,
    canonicalUrl: canonicalUrl(extraction.canonicalUrl, url),
    genre: extraction.genre ?? "news",
    section: extraction.section,
    description: extraction.description,
    imageUrl: extraction.imageUrl,
    tags: extraction.tags,
    paragraphs,
    captions: extraction.captions,
    digest: extraction.digest,
    contentHash: contentHash(paragraphs),
    duplicateOf: null,
  };
}
