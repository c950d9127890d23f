import { eventsBetween } from "@parallax/db";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const eventRouter = createTRPCRouter({
  /** Dated events from every article whose date can fall in [from, to]. */
  between: publicProcedure
    .input(
      z
        .object({
          from: z.iso.date(),
          to: z.iso.date(),
          limit: z.number().int().min(1).max(1000).default(200),
        })
        .refine((r) => r.from <= r.to, "from must not be after to"),
    )
    .output(
      z.array(
        z.object({
          articleId: z.uuid(),
          title: z.string().nullable(),
          date: z.string(),
          precision: z.string(),
          phrase: z.string(),
          sentence: z.string(),
          actors: z.array(z.string()),
          expected: z.boolean(),
          paragraph: z.number().int(),
        }),
      ),
    )
    .query(({ ctx, input }) => eventsBetween(ctx.db, input.from, input.to, input.limit)),
});
