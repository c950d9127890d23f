import { ComparisonView, formatDateTime, storyHref, UNTITLED } from "@parallax/ui";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ZodError } from "zod";
import { type CompareRequest, type Grouping, groupings, parseLabels } from "~/compare-params";
import { CompareExports, ExcludedArticles } from "~/components/compare-extras";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const groupingNames = { article: "article", outlet: "outlet", country: "outlet country" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export const metadata: Metadata = { title: "How outlets cover a story" };

/** The story's comparison address with another grouping. */
const groupingHref = (storyId: string, by: Grouping) => `/stories/${storyId}/compare?by=${by}`;

export default async function StoryComparePage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const query = await searchParams;
  const byParam = first(query.by) ?? "";
  const by: Grouping = (groupings as readonly string[]).includes(byParam) ? (byParam as Grouping) : "outlet";
  const labelsText = [query.labels ?? []].flat().join("\n");
  const labels = parseLabels(labelsText);
  const storyId = id.toLowerCase();

  const caller = await getCaller();
  let story: Awaited<ReturnType<typeof caller.story.byId>>;
  try {
    story = await caller.story.byId({ id: storyId, articleLimit: 1 });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    if (isUnavailable(error)) return <Unavailable />;
    throw error;
  }
  if (story.redirectedFrom) redirect(`${groupingHref(story.id, by)}`);
  const title = story.title ?? UNTITLED;

  let outcome:
    | { kind: "ok"; result: Awaited<ReturnType<typeof caller.compare.story>> }
    | { kind: "error"; message: string }
    | { kind: "unavailable" };
  if (typeof labels === "string") outcome = { kind: "error", message: labels };
  else {
    try {
      const result = await caller.compare.story({ storyId: story.id, ...(labels ? { labels } : { by }) });
      outcome = { kind: "ok", result };
    } catch (error) {
      if (isUnavailable(error)) outcome = { kind: "unavailable" };
      else if (error instanceof TRPCError && (error.code === "BAD_REQUEST" || error.code === "NOT_FOUND"))
        outcome = {
          kind: "error",
          message:
            error.cause instanceof ZodError
              ? error.cause.issues.map((i) => i.message).join("; ")
              : error.message,
        };
      else throw error;
    }
  }
  const request: CompareRequest = {
    kind: "story",
    storyId: story.id,
    by,
    labels: typeof labels === "string" ? null : labels,
  };
  const labelled = request.labels !== null;

  return (
    <div className="compare">
      <p className="kicker">
        <Link href={storyHref(story.id)}>Story</Link>
      </p>
      <h1 className="page-title">How outlets cover: {title}</h1>
      <p className="lede">
        The story’s articles side by side, one side per {labelled ? "label you gave" : groupingNames[by]}:
        what they share, what only one reports, where they conflict, how they word it, whom they quote and
        what they stress. Every item cites its paragraphs.
      </p>
      <nav className="cmp-groupings" aria-label="Sides">
        <span>Sides by:</span>
        <ul>
          {groupings.map((g) => (
            <li key={g}>
              <Link
                href={groupingHref(story.id, g)}
                aria-current={!labelled && g === by ? "page" : undefined}
              >
                {groupingNames[g]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {outcome.kind === "error" ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">Parallax cannot compare this story’s coverage.</p>
          <p>{outcome.message}</p>
          <p>
            <Link href={storyHref(story.id)}>Back to the story</Link>
          </p>
        </div>
      ) : null}
      {outcome.kind === "unavailable" ? <Unavailable /> : null}
      {outcome.kind === "ok" ? (
        <>
          <div className="cmp-exports">
            <p className="cmp-meta">
              Computed {formatDateTime(outcome.result.builtAt)}
              {outcome.result.cached
                ? " (kept from an earlier request: the articles have not changed since)"
                : ""}
              .
            </p>
            <CompareExports request={request} />
          </div>
          <ExcludedArticles excluded={outcome.result.excluded} />
          <ComparisonView comparison={outcome.result} />
        </>
      ) : null}
    </div>
  );
}
