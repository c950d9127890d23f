import { type BriefingDiff, buildBriefing, diffBriefings } from "@parallax/core/brief";
import { type Briefing, zBriefing } from "@parallax/core/schemas";
import {
  BriefingError,
  briefingVersion,
  latestBriefing,
  listBriefingVersions,
  loadBriefingArticles,
  moveArticle,
  resolveStoryId,
  StoryError,
  splitStory,
} from "@parallax/db";
import { enqueueBrief } from "@parallax/queue";
import { TRPCError } from "@trpc/server";
import type { Context } from "../trpc";

/** Runs a story or briefing query, answering its refusals with the API error they name. */
export async function storyErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StoryError || error instanceof BriefingError)
      throw new TRPCError({ code: error.code, message: error.message, cause: error });
    throw error;
  }
}

/**
 * Asks the worker to rebuild the briefings of stories that changed (debounced per story). The change itself is
 * committed already, so a Redis outage does not undo it: the rebuild waits for the story's next change, and
 * the answer says so.
 */
export async function requestBriefings(
  ctx: Pick<Context, "briefQueue" | "log">,
  storyIds: readonly string[],
): Promise<boolean> {
  if (!ctx.briefQueue || storyIds.length === 0) return storyIds.length === 0;
  try {
    for (const storyId of new Set(storyIds)) await enqueueBrief(ctx.briefQueue, storyId);
    return true;
  } catch (error) {
    ctx.log(`briefing rebuild of ${storyIds.join(", ")} not queued: ${(error as Error).message}`);
    return false;
  }
}

export async function moveArticleToStory(ctx: Context, input: { articleId: string; toStoryId: string }) {
  const move = await storyErrors(() => moveArticle(ctx.db, input));
  return { ...move, briefingsQueued: await requestBriefings(ctx, move.touched) };
}

export async function splitArticlesOff(ctx: Context, input: { storyId: string; articleIds: string[] }) {
  const split = await storyErrors(() => splitStory(ctx.db, input));
  return { ...split, briefingsQueued: await requestBriefings(ctx, split.touched) };
}

export interface StoryBriefing {
  storyId: string;
  /** The id asked for, when it was a merged story's. */
  redirectedFrom: string | null;
  /** Null until the worker has built the story's first briefing. */
  briefing: Briefing | null;
  version: number | null;
  builtAt: string | null;
  /** Every version, newest first. */
  versions: Array<{ version: number; builtAt: string }>;
  previousVersion: number | null;
  /** From the previous version to this one; null for the first version. */
  diff: BriefingDiff | null;
}

function parseStored(content: unknown, storyId: string, version: number): Briefing {
  const parsed = zBriefing.safeParse(content);
  if (parsed.success) return parsed.data;
  throw new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: `briefing version ${version} of story ${storyId} is not in the current briefing format`,
    cause: parsed.error,
  });
}

/** A story's briefing (the latest, or the version asked for), its versions and what changed from the one before. */
export async function storyBriefing(ctx: Context, id: string, version?: number): Promise<StoryBriefing> {
  const storyId = await resolveStoryId(ctx.db, id);
  if (!storyId) throw new TRPCError({ code: "NOT_FOUND", message: `no story ${id}` });
  const redirectedFrom = storyId === id.toLowerCase() ? null : id;
  const stored =
    version === undefined
      ? await latestBriefing(ctx.db, "story", storyId)
      : await briefingVersion(ctx.db, "story", storyId, version);
  if (!stored && version !== undefined)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `story ${storyId} has no briefing version ${version}`,
    });
  const versions = (await listBriefingVersions(ctx.db, "story", storyId)).map((v) => ({
    version: v.version,
    builtAt: v.builtAt,
  }));
  if (!stored)
    return {
      storyId,
      redirectedFrom,
      briefing: null,
      version: null,
      builtAt: null,
      versions,
      previousVersion: null,
      diff: null,
    };
  const briefing = parseStored(stored.content, storyId, stored.version);
  const previousVersion = versions.find((v) => v.version < stored.version)?.version ?? null;
  let diff: BriefingDiff | null = null;
  if (previousVersion !== null) {
    const previous = await briefingVersion(ctx.db, "story", storyId, previousVersion);
    // A previous version stored by an older briefing format has nothing comparable to show.
    const parsed = zBriefing.safeParse(previous?.content);
    if (parsed.success) diff = diffBriefings(parsed.data, briefing);
  }
  return {
    storyId,
    redirectedFrom,
    briefing,
    version: stored.version,
    builtAt: stored.builtAt,
    versions,
    previousVersion,
    diff,
  };
}

/**
 * One article's briefing, built on request: a single article is small enough to brief within a request, and
 * building it each time means it always follows the article's current text and enrichment. Null until the
 * article is readable and enriched.
 */
export async function articleBriefing(ctx: Context, articleId: string): Promise<Briefing | null> {
  const articles = await loadBriefingArticles(ctx.db, [articleId]);
  if (articles.length === 0) return null;
  return buildBriefing(articles, { scope: "article" });
}
