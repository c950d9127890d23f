import { zEntityType } from "@parallax/core";
import { getEntity, listEntityMentions } from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";

const zSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "not an entity slug")
  .max(200);

const zEntityPage = z.object({
  slug: z.string(),
  name: z.string(),
  type: zEntityType,
  placeKind: z.string().nullable(),
  description: z.string().nullable(),
  aliases: z.array(z.object({ text: z.string(), count: z.number().int() })),
  mentionCount: z.number().int(),
  articleCount: z.number().int(),
  articles: z.array(
    z.object({
      id: z.uuid(),
      title: z.string().nullable(),
      publishedAt: z.string().nullable(),
      siteName: z.string().nullable(),
      mentions: z.number().int(),
    }),
  ),
});

export const entityRouter = createTRPCRouter({
  bySlug: publicProcedure
    .input(z.object({ slug: zSlug }))
    .output(zEntityPage)
    .query(async ({ ctx, input }) => {
      const entity = await getEntity(ctx.db, input.slug);
      if (!entity) throw new TRPCError({ code: "NOT_FOUND", message: `no entity ${input.slug}` });
      return zEntityPage.parse(entity);
    }),

  mentions: publicProcedure
    .input(
      z.object({
        slug: zSlug,
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      }),
    )
    .output(
      z.array(
        z.object({
          articleId: z.uuid(),
          title: z.string().nullable(),
          paragraph: z.number().int(),
          start: z.number().int(),
          end: z.number().int(),
          text: z.string(),
          paragraphText: z.string(),
        }),
      ),
    )
    .query(({ ctx, input }) => listEntityMentions(ctx.db, input.slug, input)),
});
