import { diffRevisions, staleParagraphs, zRevisionParagraph } from "@parallax/core/revisions";
import { NORMALIZER_VERSION, type NormalizeLimits } from "@parallax/core/normalize";
import {
  type Database,
  currentRevision,
  getRevision,
  loadSubmission,
  markStaleBriefingPoints,
  recordFetch,
  storeNormalizedArticle,
  touchFetched,
} from "@parallax/db";
import type { FetchLimits } from "./fetch-page";
import { fetchOrExplain, normalizeOrExplain } from "./process";
import { normalizeInput } from "./input";

export interface RefetchDeps {
  db: Database;
  fetchLimits: FetchLimits;
  normalizeLimits?: Partial<NormalizeLimits>;
  /** Asks for a rebuild of the story's briefing whose points cite a paragraph that changed. */
  rebuildBriefing: (storyId: string) => Promise<void>;
}

export type RefetchOutcome =
  | { status: "skipped"; reason: string }
  | { status: "unchanged"; revision: number }
  | {
      status: "changed";
      revision: number;
      previousRevision: number;
      changedParagraphs: number;
      stalePoints: number;
      storyId: string | null;
    };

/**
 * Fetches a readable URL article again. The same text records only the fetch time; a different text becomes
 * the next revision (the earlier one stays readable), the article shows it, and the story's briefing points
 * that cite a changed paragraph are marked and rebuilt. The article stays readable whatever happens here.
 */
export async function refetchArticle(articleId: string, deps: RefetchDeps): Promise<RefetchOutcome> {
  const { db } = deps;
  const submission = await loadSubmission(db, articleId);
  if (!submission) return { status: "skipped", reason: "no such article" };
  if (submission.kind !== "url" || !submission.url)
    return { status: "skipped", reason: "a pasted document has no page to fetch again" };
  if (submission.status !== "ready")
    return { status: "skipped", reason: `article is ${submission.status}, not ready` };

  const page = await fetchOrExplain(submission.url, deps.fetchLimits);
  const normalized = normalizeOrExplain(normalizeInput(submission, page), deps.normalizeLimits);
  const before = await currentRevision(db, articleId);
  if (before && before.contentHash === normalized.contentHash && before.title === normalized.title) {
    await touchFetched(db, articleId);
    return { status: "unchanged", revision: before.revision };
  }

  const rawDocumentId = await recordFetch(db, articleId, {
    url: page.url,
    bytes: page.bytes,
    contentType: page.contentType,
    httpStatus: page.status,
  });
  const stored = await storeNormalizedArticle(db, articleId, normalized, {
    sourceName: submission.sourceName,
    normalizerVersion: NORMALIZER_VERSION,
    revisionReason: "refetch",
    rawDocumentId,
  });
  if (stored.previousRevision === null || !before) return { status: "unchanged", revision: stored.revision };

  const after = await getRevision(db, articleId, stored.revision);
  const paragraphsOf = (stored: unknown) => zRevisionParagraph.array().parse(stored);
  const diff = diffRevisions(paragraphsOf(before.paragraphs), paragraphsOf(after?.paragraphs ?? []));
  const stale = staleParagraphs(diff);
  const marked = await markStaleBriefingPoints(db, articleId, stored.revision, stale);
  // Any new text is new briefing input, even when no cited paragraph moved.
  if (marked) await deps.rebuildBriefing(marked.storyId);
  return {
    status: "changed",
    revision: stored.revision,
    previousRevision: stored.previousRevision,
    changedParagraphs: stale.size,
    stalePoints: marked?.points.length ?? 0,
    storyId: marked?.storyId ?? null,
  };
}
