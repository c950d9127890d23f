import { zSearchInput, zSearchResult } from "@parallax/core";
import { searchArticles } from "@parallax/db";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const searchRouter = createTRPCRouter({
  /** Articles (grouped, best paragraphs marked), matching entities and facet counts for a websearch query. */
  query: publicProcedure
    .input(zSearchInput)
    .output(zSearchResult)
    .query(({ ctx, input }) => searchArticles(ctx.db, input)),
});
