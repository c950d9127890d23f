import type { BriefingArticle } from "@parallax/core/brief";
import { ComparisonInputError, compareArticles, formSides, type SideGrouping } from "@parallax/core/compare";
import {
  COMPARISON_VERSION,
  type Comparison,
  type ComparisonArticleInput,
  type ComparisonSideInput,
  zComparison,
} from "@parallax/core/schemas";
import {
  type ComparisonArticleState,
  comparisonArticleStates,
  comparisonKey,
  getCachedComparison,
  getStory,
  loadBriefingArticles,
  notComparableReason,
  pruneComparisons,
  putCachedComparison,
} from "@parallax/db";
import { TRPCError } from "@trpc/server";
import type { Context } from "../trpc";

/**
 * A story comparison computes within the request at about 0.1 s per article (measured on NewsWCL50 on the
 * development machine), so a story's comparison takes at most this many of its articles.
 */
export const MAX_STORY_ARTICLES = 20;

/** The side `formSides` puts articles of outlets of no known country on. */
const UNKNOWN_COUNTRY = "Unknown country";

export interface ExcludedArticle {
  articleId: string;
  reason: string;
}

export type ComparisonResult = Comparison & {
  /** Answered from the cache rather than computed for this request. */
  cached: boolean;
  builtAt: string;
  /** Articles asked for (or of the story) that the comparison leaves out, and why. */
  excluded: ExcludedArticle[];
};

/** A stored article as the comparison reads it: the briefing's loading, in the comparison's shape. */
export function toComparisonArticle(article: BriefingArticle): ComparisonArticleInput {
  const country = article.source?.country?.trim().toUpperCase();
  return {
    id: article.id,
    title: article.title ?? "",
    paragraphs: [...article.paragraphs],
    publishedAt: article.publishedAt,
    language: article.language ?? null,
    source: article.source
      ? { name: article.source.name, country: country && /^[A-Z]{2}$/.test(country) ? country : null }
      : null,
    genre: article.genre ?? null,
    enrichment: article.enrichment,
  };
}

/** Earliest report first, undated last: an order that follows from the cache key's input alone. */
function byPublication(a: ComparisonArticleState, b: ComparisonArticleState): number {
  if (a.publishedAt !== b.publishedAt) {
    if (a.publishedAt === null) return 1;
    if (b.publishedAt === null) return -1;
    return a.publishedAt < b.publishedAt ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** At most `limit` articles, taking each outlet's earliest first so that as many outlets as possible stay in. */
function pickAcrossOutlets(ordered: ComparisonArticleState[], limit: number) {
  if (ordered.length <= limit) return { kept: ordered, dropped: [] as ComparisonArticleState[] };
  const byOutlet = new Map<string, ComparisonArticleState[]>();
  for (const state of ordered) {
    const outlet = state.source?.name ?? `article:${state.id}`;
    byOutlet.set(outlet, [...(byOutlet.get(outlet) ?? []), state]);
  }
  const kept = new Set<ComparisonArticleState>();
  for (let round = 0; kept.size < limit; round++)
    for (const list of byOutlet.values()) if (list[round] && kept.size < limit) kept.add(list[round]!);
  return { kept: ordered.filter((s) => kept.has(s)), dropped: ordered.filter((s) => !kept.has(s)) };
}

function groupingName(grouping: SideGrouping): string {
  return typeof grouping === "string" ? grouping : "your labels";
}

function badRequest(message: string, cause?: unknown): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message, ...(cause ? { cause } : {}) });
}

function tooFewSides(sides: ComparisonSideInput[], grouping: SideGrouping): TRPCError {
  if (sides.length === 0)
    return badRequest("none of the labels names one of these articles (by id) or their outlets (by name)");
  const only = `"${sides[0]!.label}"`;
  if (typeof grouping !== "string")
    return badRequest(
      `the labels put every labelled article on one side (${only}); articles with no label are left out`,
    );
  const hint =
    grouping === "country" && sides[0]!.label === UNKNOWN_COUNTRY
      ? "; their outlets' countries are not known, label the outlets instead"
      : "";
  return badRequest(`grouped by ${grouping}, all these articles are on one side (${only})${hint}`);
}

interface CompareRequest {
  states: ComparisonArticleState[];
  grouping: SideGrouping;
  /** Says which articles in messages: "asked for", "of story <id>". */
  subject: string;
  limit?: number;
}

/**
 * Compares the readable, enriched articles among `states`, from the cache when the same articles (by content
 * and enrichment hash) were compared the same way before. Fewer than two such articles is a BAD_REQUEST that
 * names the others and why they are not ready.
 */
async function compareStates(ctx: Pick<Context, "db">, request: CompareRequest): Promise<ComparisonResult> {
  const { db } = ctx;
  const excluded: ExcludedArticle[] = [];
  const ready: ComparisonArticleState[] = [];
  for (const state of request.states) {
    const reason = notComparableReason(state);
    if (reason) excluded.push({ articleId: state.id, reason });
    else ready.push(state);
  }
  if (ready.length < 2) {
    const notReady = excluded.map((e) => `${e.articleId} (${e.reason})`).join(", ");
    const n = request.states.length;
    throw badRequest(
      `only ${ready.length} of the ${n} article${n === 1 ? "" : "s"} ${request.subject} ${ready.length === 1 ? "is" : "are"} ` +
        `readable and enriched, and a comparison needs two${notReady ? `; not ready: ${notReady}` : ""}`,
    );
  }
  const { kept, dropped } = pickAcrossOutlets(
    ready.sort(byPublication),
    request.limit ?? Number.POSITIVE_INFINITY,
  );
  for (const state of dropped)
    excluded.push({
      articleId: state.id,
      reason: `over the limit of ${request.limit} articles per comparison`,
    });
  const key = comparisonKey({ version: COMPARISON_VERSION, grouping: request.grouping, articles: kept });

  const hit = await getCachedComparison(db, key);
  // A row in an older format (the schema changed without a version bump) is simply computed again.
  const stored = hit ? zComparison.safeParse(hit.content) : null;
  if (hit && stored?.success) return { ...stored.data, cached: true, builtAt: hit.builtAt, excluded };

  const loaded = await loadBriefingArticles(
    db,
    kept.map((s) => s.id),
  );
  const sides = formSides(loaded.map(toComparisonArticle), request.grouping);
  if (sides.length < 2) throw tooFewSides(sides, request.grouping);
  let comparison: Comparison;
  try {
    comparison = compareArticles({ sides });
  } catch (error) {
    if (error instanceof ComparisonInputError)
      throw badRequest(`cannot compare by ${groupingName(request.grouping)}: ${error.message}`, error);
    throw error;
  }
  // Cached only when nothing changed while it was computed, so that the key describes what was compared.
  const after = await comparisonArticleStates(
    db,
    kept.map((s) => s.id),
  );
  let builtAt = new Date().toISOString();
  if (
    loaded.length === kept.length &&
    comparisonKey({ version: COMPARISON_VERSION, grouping: request.grouping, articles: after }) === key
  ) {
    ({ builtAt } = await putCachedComparison(db, {
      key,
      version: COMPARISON_VERSION,
      articleIds: kept.map((s) => s.id),
      content: comparison,
    }));
    await pruneComparisons(db);
  }
  return { ...comparison, cached: false, builtAt, excluded };
}

/** Compares the given articles (each its own side, or grouped); an id that is no article is NOT_FOUND. */
export async function compareStoredArticles(
  ctx: Pick<Context, "db">,
  articleIds: readonly string[],
  grouping: SideGrouping,
): Promise<ComparisonResult> {
  const states = await comparisonArticleStates(ctx.db, articleIds);
  const found = new Set(states.map((s) => s.id));
  const missing = articleIds.filter((id) => !found.has(id.toLowerCase()));
  if (missing.length > 0)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `no article ${missing.join(", ")}`,
    });
  return compareStates(ctx, { states, grouping, subject: "asked for" });
}

/** Compares a story's articles by outlet, country, article or labels; a merged story's id answers for its story. */
export async function compareStory(
  ctx: Pick<Context, "db">,
  storyId: string,
  grouping: SideGrouping,
): Promise<ComparisonResult & { storyId: string; redirectedFrom: string | null }> {
  const story = await getStory(ctx.db, storyId);
  if (!story) throw new TRPCError({ code: "NOT_FOUND", message: `no story ${storyId}` });
  const states = await comparisonArticleStates(
    ctx.db,
    story.articles.map((a) => a.id),
  );
  const result = await compareStates(ctx, {
    states,
    grouping,
    subject: `of story ${story.id}`,
    limit: MAX_STORY_ARTICLES,
  });
  return { ...result, storyId: story.id, redirectedFrom: story.redirectedFrom };
}
