import {
  decodeHtmlBytes,
  detectBinary,
  NormalizeError,
  type NormalizeInput,
  normalize,
} from "@parallax/core/normalize";
import {
  type Database,
  loadSubmission,
  recordFetch,
  setArticleStatus,
  storeNormalizedArticle,
} from "@parallax/db";
import type { IngestProgress } from "@parallax/queue";
import { FetchError, type FetchLimits, fetchPage } from "./fetch-page";

/** A failure that retrying cannot fix; the worker fails the job at once with this message. */
export class PermanentError extends Error {
  override name = "PermanentError";
}

export interface IngestDeps {
  db: Database;
  fetchLimits: FetchLimits;
  report: (progress: IngestProgress) => Promise<void>;
}

export type IngestOutcome =
  | { status: "ready" | "duplicate"; duplicateOf: string | null }
  | { status: "skipped" };

/** Fetch (for URLs), normalize, store. Safe to run twice for one article: the store step replaces, never adds. */
export async function processArticle(articleId: string, deps: IngestDeps): Promise<IngestOutcome> {
  const submission = await loadSubmission(deps.db, articleId);
  if (!submission) return { status: "skipped" };
  if (submission.status === "ready" || submission.status === "duplicate") return { status: "skipped" };
  await setArticleStatus(deps.db, articleId, "processing");

  let input: NormalizeInput;
  if (submission.kind === "url") {
    await deps.report({ stage: "fetch", percent: 10 });
    const page = await fetchOrExplain(submission.url!, deps.fetchLimits);
    await recordFetch(deps.db, articleId, {
      url: page.url,
      bytes: page.bytes,
      contentType: page.contentType,
      httpStatus: page.status,
    });
    const binary = detectBinary(page.bytes);
    if (binary) throw new PermanentError(`unsupported content (${binary}) at ${page.url}`);
    const text = decodeHtmlBytes(page.bytes, page.contentType);
    input = /^text\/plain/i.test(page.contentType ?? "")
      ? { kind: "text", text, url: page.url }
      : { kind: "html", html: text, url: page.url };
  } else if (submission.kind === "html") {
    input = { kind: "html", html: submission.body ?? "", ...(submission.url ? { url: submission.url } : {}) };
  } else {
    input = {
      kind: "text",
      text: submission.body ?? "",
      ...(submission.title ? { title: submission.title } : {}),
      ...(submission.url ? { url: submission.url } : {}),
      ...(submission.sourceName ? { sourceName: submission.sourceName } : {}),
    };
  }

  await deps.report({ stage: "normalize", percent: 50 });
  let normalized: ReturnType<typeof normalize>;
  try {
    normalized = normalize(input);
  } catch (error) {
    if (error instanceof NormalizeError) throw new PermanentError(error.message);
    throw error;
  }

  await deps.report({ stage: "store", percent: 80 });
  const stored = await storeNormalizedArticle(deps.db, articleId, normalized, {
    sourceName: submission.sourceName,
  });
  await deps.report({ stage: "done", percent: 100 });
  return stored;
}

async function fetchOrExplain(url: string, limits: FetchLimits) {
  try {
    return await fetchPage(url, limits);
  } catch (error) {
    if (error instanceof FetchError && error.permanent) throw new PermanentError(error.message);
    throw error;
  }
}
