import { decodeHtmlBytes, detectBinary, type NormalizeInput } from "@parallax/core/normalize";
import type { SubmittedDocument } from "@parallax/db";

/** A failure that retrying cannot fix; the worker fails the job at once with this message. */
export class PermanentError extends Error {
  override name = "PermanentError";
}

export interface PageBytes {
  url: string;
  bytes: Uint8Array;
  contentType: string | null;
}

/** What the normalizer gets for a submission: the fetched page for URLs, the pasted body otherwise. */
export function normalizeInput(submission: SubmittedDocument, page: PageBytes | null): NormalizeInput {
  if (submission.kind === "url") {
    if (!page) throw new PermanentError("no fetched page is stored for this URL");
    const binary = detectBinary(page.bytes);
    if (binary) throw new PermanentError(`unsupported content (${binary}) at ${page.url}`);
    const text = decodeHtmlBytes(page.bytes, page.contentType);
    return /^text\/plain/i.test(page.contentType ?? "")
      ? { kind: "text", text, url: page.url }
      : { kind: "html", html: text, url: page.url };
  }
  if (submission.kind === "html") {
    return { kind: "html", html: submission.body ?? "", ...(submission.url ? { url: submission.url } : {}) };
  }
  return {
    kind: "text",
    text: submission.body ?? "",
    ...(submission.title ? { title: submission.title } : {}),
    ...(submission.url ? { url: submission.url } : {}),
    ...(submission.sourceName ? { sourceName: submission.sourceName } : {}),
  };
}
