import { zOutlet, zSourceSettings } from "@parallax/core";
import { listOutlets, updateSourceSettings } from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { adminProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const SOURCES_PAGE_SIZE = 50;

export const sourceRouter = createTRPCRouter({
  /** Outlets with country, languages, article counts and settings, most articles first. */
  list: publicProcedure
    .input(z.object({ page: z.number().int().min(1).max(100_000).default(1) }).default({ page: 1 }))
    .output(
      z.object({
        items: z.array(zOutlet),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { items, total } = await listOutlets(ctx.db, {
        limit: SOURCES_PAGE_SIZE,
        offset: (input.page - 1) * SOURCES_PAGE_SIZE,
      });
      return { items, total, page: input.page, pageSize: SOURCES_PAGE_SIZE };
    }),

  /** An administrator's country, perspective label and opinion sections for one outlet. */
  update: adminProcedure
    .input(zSourceSettings)
    .output(zOutlet)
    .mutation(async ({ ctx, input }) => {
      const outlet = await updateSourceSettings(ctx.db, input);
      if (!outlet) throw new TRPCError({ code: "NOT_FOUND", message: `no source ${input.id}` });
      return outlet;
    }),
});
