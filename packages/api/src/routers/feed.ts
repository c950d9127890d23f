import { zEntityType } from "@parallax/core";
import { zBriefing } from "@parallax/core/schemas";
import { getEntity, listFeedBriefings, resolveStoryId } from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { zEntitySlug } from "./entity";

const zFeedItem = z.object({
  storyId: z.guid(),
  version: z.number().int().positive(),
  builtAt: z.string(),
  firstBuiltAt: z.string(),
  articleCount: z.number().int().nonnegative(),
  briefing: zBriefing,
});
export type FeedItem = z.infer<typeof zFeedItem>;

const zLimit = z.number().int().min(1).max(100).default(30);

/** Stored briefings a feed can show: one written by an older builder is left out until it is rebuilt. */
function readable(
  rows: Awaited<ReturnType<typeof listFeedBriefings>>,
  log: (line: string) => void,
): FeedItem[] {
  return rows.flatMap(({ content, ...row }) => {
    const parsed = zBriefing.safeParse(content);
    if (parsed.success) return [{ ...row, briefing: parsed.data }];
    log(`feed: briefing version ${row.version} of story ${row.storyId} is not in the current format`);
    return [];
  });
}

export const feedRouter = createTRPCRouter({
  /** The latest briefing of the most recently briefed stories, one item per story. */
  stories: publicProcedure
    .input(z.object({ limit: zLimit }))
    .output(z.object({ items: z.array(zFeedItem) }))
    .query(async ({ ctx, input }) => ({
      items: readable(await listFeedBriefings(ctx.db, { limit: input.limit }), ctx.log),
    })),

  /** Every briefing version of one story (a merged id answers for the story it joined), newest first. */
  story: publicProcedure
    .input(z.object({ storyId: z.guid(), limit: zLimit }))
    .output(z.object({ storyId: z.guid(), items: z.array(zFeedItem) }))
    .query(async ({ ctx, input }) => {
      const storyId = await resolveStoryId(ctx.db, input.storyId.toLowerCase());
      if (!storyId) throw new TRPCError({ code: "NOT_FOUND", message: `no story ${input.storyId}` });
      const rows = await listFeedBriefings(ctx.db, { limit: input.limit, storyId });
      return { storyId, items: readable(rows, ctx.log) };
    }),

  /** The same for the stories in which an entity is named. */
  entity: publicProcedure
    .input(z.object({ slug: zEntitySlug, limit: zLimit }))
    .output(
      z.object({
        entity: z.object({ slug: z.string(), name: z.string(), type: zEntityType }),
        items: z.array(zFeedItem),
      }),
    )
    .query(async ({ ctx, input }) => {
      const entity = await getEntity(ctx.db, input.slug);
      if (!entity) throw new TRPCError({ code: "NOT_FOUND", message: `no entity ${input.slug}` });
      const rows = await listFeedBriefings(ctx.db, { limit: input.limit, entitySlug: input.slug });
      return {
        entity: { slug: entity.slug, name: entity.name, type: zEntityType.parse(entity.type) },
        items: readable(rows, ctx.log),
      };
    }),
});
