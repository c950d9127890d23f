import { zArticleId, zBriefing, zCitedText, zGenre } from "@parallax/core";
import { zBriefingDiff } from "@parallax/core/brief";
import {
  getStory,
  listStories,
  listStoryCards,
  listStoryMerges,
  storyFilterOptions,
  zStoryCardFilters,
  staleBriefingPoints,
} from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { moveArticleToStory, splitArticlesOff, storyBriefing, storyErrors } from "../services/stories";
import { adminProcedure, createTRPCRouter, publicProcedure } from "../trpc";

/** Any well-formed UUID, as the story queries take it (a merged story's id included). */
const zStoryId = z.guid();
const zIso = z.string();

export const zStoryListItem = z.object({
  id: zStoryId,
  /** The title of its earliest article. */
  title: z.string().nullable(),
  articleCount: z.number().int(),
  sourceCount: z.number().int(),
  firstAt: zIso.nullable(),
  lastAt: zIso.nullable(),
  revision: z.number().int(),
  createdAt: zIso,
  updatedAt: zIso,
});

export const zStoryArticle = z.object({
  id: zArticleId,
  title: z.string().nullable(),
  url: z.string().nullable(),
  source: z.object({ id: z.string(), name: z.string(), domain: z.string().nullable() }).nullable(),
  publishedAt: zIso.nullable(),
  score: z.number().nullable(),
  /** A person placed it in this story (a move or split); clustering leaves it there. */
  pinned: z.boolean(),
  assignedAt: zIso,
});

export const zStoryDetail = zStoryListItem.extend({
  /** The id asked for when it was a merged story's: the page redirects to `id`. */
  redirectedFrom: z.string().nullable(),
  articles: z.array(zStoryArticle),
});

const zMerge = z.object({
  fromId: zStoryId,
  intoId: zStoryId,
  kind: z.enum(["merge", "emptied"]),
  at: zIso.nullable(),
  reason: z.string(),
  createdAt: zIso,
});

const zStoryBriefing = z.object({
  storyId: zStoryId,
  redirectedFrom: z.string().nullable(),
  briefing: zBriefing.nullable(),
  version: z.number().int().nullable(),
  builtAt: zIso.nullable(),
  versions: z.array(z.object({ version: z.number().int(), builtAt: zIso })),
  previousVersion: z.number().int().nullable(),
  diff: zBriefingDiff.nullable(),
});

const zCount = z.number().int().nonnegative();

export const zStoryCard = z.object({
  id: zStoryId,
  /** The latest briefing's headline; null before the first briefing (show `title`). */
  headline: zCitedText.nullable(),
  /** The title of its earliest article. */
  title: z.string().nullable(),
  keyPoints: z.array(z.object({ n: z.number().int(), genre: zGenre, sentences: z.array(zCitedText) })).max(2),
  briefingVersion: z.number().int().nullable(),
  articleCount: zCount,
  outlets: z.array(
    z.object({
      id: z.string().nullable(),
      name: z.string(),
      domain: z.string().nullable(),
      articles: zCount,
    }),
  ),
  countries: z.array(z.object({ country: z.string(), articles: zCount })),
  genres: z.object({ news: zCount, opinion: zCount, analysis: zCount, unspecified: zCount }),
  updatedAt: zIso,
  firstPublishedAt: zIso.nullable(),
  lastPublishedAt: zIso.nullable(),
});

/** Whether the touched stories' briefing rebuilds reached the queue (false while Redis is away). */
const zQueued = z.boolean();

// Moves and splits are as open as the admin router's actions until sign-in and roles arrive (issue 9); then
// they belong with whoever may edit stories.
/**
 * The home page's filter choices change only as outlets, countries or languages first appear; reading them is a
 * pass over every live story's articles, so each database answers it at most once per 30 s.
 */
const FILTERS_TTL_MS = 30_000;
const filterCache = new WeakMap<
  object,
  { at: number; value: Promise<Awaited<ReturnType<typeof storyFilterOptions>>> }
>();

function cachedFilterOptions(db: Parameters<typeof storyFilterOptions>[0]) {
  const hit = filterCache.get(db);
  if (hit && Date.now() - hit.at < FILTERS_TTL_MS) return hit.value;
  const value = storyFilterOptions(db);
  filterCache.set(db, { at: Date.now(), value });
  // A failed read is not kept: the next request asks the database again.
  value.catch(() => {
    if (filterCache.get(db)?.value === value) filterCache.delete(db);
  });
  return value;
}

export const storyRouter = createTRPCRouter({
  /** Stories with articles, most recently changed first; `nextCursor` asks for the page after. */
  list: publicProcedure
    .input(
      z.object({
        limit: z.number().int().min(1).max(100).default(30),
        cursor: z
          .string()
          .regex(/^\d{1,18}$/, "not a cursor this list gave")
          .nullish(),
        since: z.iso.datetime({ offset: true }).nullish(),
      }),
    )
    .output(z.object({ items: z.array(zStoryListItem), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const page = await storyErrors(() => listStories(ctx.db, input));
      return { items: page.stories, nextCursor: page.nextCursor };
    }),

  /**
   * Story cards for the home page, most recently updated first: headline, two key points, source mix. Filters
   * hold for one article of the story: published in [from, to], from the outlet (id or domain), country,
   * language, mentioning the entity (slug).
   */
  cards: publicProcedure
    .input(
      zStoryCardFilters.extend({
        limit: z.number().int().min(1).max(100).default(20),
        cursor: z.string().max(80).nullish(),
        from: z.iso
          .date()
          .or(z.iso.datetime({ offset: true }))
          .nullish(),
        to: z.iso
          .date()
          .or(z.iso.datetime({ offset: true }))
          .nullish(),
      }),
    )
    .output(z.object({ items: z.array(zStoryCard), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const page = await storyErrors(() => listStoryCards(ctx.db, input));
      return { items: page.cards, nextCursor: page.nextCursor };
    }),

  /** The outlets, countries and languages present in live stories, to filter the cards by. */
  filters: publicProcedure
    .output(
      z.object({
        outlets: z.array(
          z.object({ id: z.string(), name: z.string(), domain: z.string().nullable(), stories: zCount }),
        ),
        countries: z.array(z.object({ country: z.string(), stories: zCount })),
        languages: z.array(z.object({ language: z.string(), stories: zCount })),
      }),
    )
    .query(({ ctx }) => cachedFilterOptions(ctx.db)),

  /** A story and its articles; a merged story's id answers with the story it is now part of. */
  byId: publicProcedure
    .input(z.object({ id: zStoryId, articleLimit: z.number().int().min(1).max(500).default(500) }))
    .output(zStoryDetail)
    .query(async ({ ctx, input }) => {
      const story = await getStory(ctx.db, input.id, { articleLimit: input.articleLimit });
      if (!story) throw new TRPCError({ code: "NOT_FOUND", message: `no story ${input.id}` });
      return story;
    }),

  /** The story's briefing (latest or `version`), its versions, and what changed from the version before. */
  briefing: publicProcedure
    .input(z.object({ id: zStoryId, version: z.number().int().min(1).max(2_147_483_647).optional() }))
    .output(zStoryBriefing)
    .query(({ ctx, input }) => storyErrors(() => storyBriefing(ctx, input.id, input.version))),

  /** Stories merged into this one, and how a redirected id left; newest first. */
  merges: publicProcedure
    .input(z.object({ id: zStoryId }))
    .output(z.array(zMerge))
    .query(({ ctx, input }) => listStoryMerges(ctx.db, input.id)),

  /** Moves an article to another story, or to a new one of its own; it stays where it was put. */
  moveArticle: adminProcedure
    .input(z.object({ articleId: zArticleId, toStoryId: z.union([zStoryId, z.literal("new")]) }))
    .output(
      z.object({
        articleId: zArticleId,
        fromStoryId: zStoryId,
        toStoryId: zStoryId,
        created: z.boolean(),
        /** The article was its story's last: that story's id now redirects to `toStoryId`. */
        emptied: z.boolean(),
        touched: z.array(zStoryId),
        briefingsQueued: zQueued,
      }),
    )
    .mutation(({ ctx, input }) => moveArticleToStory(ctx, input)),

  /** Splits the given articles off into a new story; at least one must stay behind. */
  split: adminProcedure
    .input(z.object({ storyId: zStoryId, articleIds: z.array(zArticleId).min(1).max(500) }))
    .output(
      z.object({
        storyId: zStoryId,
        newStoryId: zStoryId,
        articleIds: z.array(zArticleId),
        touched: z.array(zStoryId),
        briefingsQueued: zQueued,
      }),
    )
    .mutation(({ ctx, input }) => splitArticlesOff(ctx, input)),

  /** Key points of the latest briefing that cite a paragraph a source article has since changed. */
  staleBriefingPoints: publicProcedure
    .input(z.object({ id: zStoryId }))
    .output(
      z.array(
        z.object({
          point: z.number().int(),
          paragraph: z.number().int(),
          reason: z.enum(["changed", "removed", "renumbered"]),
          articleId: zArticleId,
          revision: z.number().int(),
        }),
      ),
    )
    .query(({ ctx, input }) => staleBriefingPoints(ctx.db, input.id)),
});
