import type { RouterOutputs } from "@parallax/api";
import { ComparisonView, formatDateTime, storyHref } from "@parallax/ui";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { ZodError } from "zod";
import { type CompareRequest, compareHref, groupings, parseCompareParams } from "~/compare-params";
import { CompareExports, ExcludedArticles } from "~/components/compare-extras";
import { CompareForms, type PickableArticle } from "~/components/compare-form";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";

export const metadata: Metadata = { title: "Compare" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Result = RouterOutputs["compare"]["articles"] | RouterOutputs["compare"]["story"];

type Outcome =
  | { kind: "none" }
  | { kind: "error"; message: string }
  | { kind: "unavailable" }
  | { kind: "ok"; result: Result };

/** Refusals the reader can act on (unknown ids, articles not ready, one side only) are shown; others are thrown. */
function refusal(error: unknown): string | null {
  if (!(error instanceof TRPCError) || (error.code !== "BAD_REQUEST" && error.code !== "NOT_FOUND"))
    return null;
  if (error.cause instanceof ZodError) return error.cause.issues.map((i) => i.message).join("; ");
  return error.message;
}

async function compare(request: CompareRequest): Promise<Outcome> {
  if (request.kind === "none") return { kind: "none" };
  if (request.kind === "invalid") return { kind: "error", message: request.message };
  const caller = await getCaller();
  const grouping = request.labels ? { labels: request.labels } : { by: request.by };
  try {
    const result =
      request.kind === "story"
        ? await caller.compare.story({ storyId: request.storyId, ...grouping })
        : await caller.compare.articles({ articleIds: request.articleIds, ...grouping });
    return { kind: "ok", result };
  } catch (error) {
    if (isUnavailable(error)) return { kind: "unavailable" };
    const message = refusal(error);
    if (message === null) throw error;
    return { kind: "error", message };
  }
}

async function recentArticles(): Promise<PickableArticle[]> {
  const caller = await getCaller();
  try {
    const page = await caller.article.list({ limit: 30 });
    return page.items
      .filter((a) => a.status === "ready")
      .map((a) => ({ id: a.id, title: a.title, source: a.source?.name ?? null, publishedAt: a.publishedAt }));
  } catch (error) {
    if (isUnavailable(error)) return [];
    throw error;
  }
}

const groupingNames = { article: "article", outlet: "outlet", country: "outlet country" };

function ResultHeader({ request, result }: { request: CompareRequest; result: Result }) {
  const by = request.kind === "articles" || request.kind === "story" ? request.by : "article";
  const labelled = (request.kind === "articles" || request.kind === "story") && request.labels !== null;
  return (
    <>
      <p className="cmp-meta">
        {"storyId" in result ? (
          <>
            The articles of <Link href={storyHref(result.storyId)}>this story</Link>,{" "}
          </>
        ) : null}
        {"storyId" in result ? "one side" : "One side"}
        {labelled ? " per label you gave" : ` per ${groupingNames[by]}`}. Computed{" "}
        {formatDateTime(result.builtAt)}
        {result.cached ? " (kept from an earlier request: the articles have not changed since)" : ""}.
      </p>
      <nav className="cmp-groupings" aria-label="Sides">
        <span>Sides by:</span>
        <ul>
          {groupings.map((g) => (
            <li key={g}>
              <Link href={compareHref(request, g)} aria-current={!labelled && g === by ? "page" : undefined}>
                {groupingNames[g]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <CompareExports request={request}>
        {"storyId" in result ? (
          <li>
            <Link href={`/stories/${result.storyId}/compare`}>This story’s comparison page</Link>
          </li>
        ) : null}
      </CompareExports>
      <ExcludedArticles excluded={result.excluded} />
    </>
  );
}

export default async function ComparePage({ searchParams }: Props) {
  const request = parseCompareParams(await searchParams);
  const [outcome, recent] = await Promise.all([compare(request), recentArticles()]);
  const title =
    outcome.kind === "ok"
      ? `Comparison: ${outcome.result.sides.map((s) => s.label).join(" vs ")}`
      : "Compare coverage";

  return (
    <div className="compare">
      <h1 className="page-title">{title}</h1>
      {outcome.kind === "none" ? (
        <p className="lede">
          Put articles side by side: what they share, what only one reports, where their figures and dates
          conflict, how they name the same people, whom they quote, and their tone. Every item cites its
          paragraphs.
        </p>
      ) : null}
      {outcome.kind === "error" ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">Parallax cannot compare these.</p>
          <p>{outcome.message}</p>
        </div>
      ) : null}
      {outcome.kind === "unavailable" ? <Unavailable /> : null}
      {outcome.kind === "ok" ? (
        <>
          <ResultHeader request={request} result={outcome.result} />
          <ComparisonView comparison={outcome.result} />
        </>
      ) : null}
      {outcome.kind === "ok" ? (
        <details className="cmp-form-details">
          <summary>Compare something else</summary>
          <CompareForms request={request} recent={recent} />
        </details>
      ) : (
        <CompareForms request={request} recent={recent} />
      )}
    </div>
  );
}
