import { zSearchInput, zSearchResult } from "@parallax/core";
import { SearchTooBroadError, searchArticles } from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { createTRPCRouter, rateLimitedProcedure } from "../trpc";

export const searchRouter = createTRPCRouter({
  /** Articles (grouped, best paragraphs marked), matching entities and facet counts for a websearch query. */
  query: rateLimitedProcedure("search")
    .input(zSearchInput)
    .output(zSearchResult)
    .query(({ ctx, input }) =>
      searchArticles(ctx.db, input).catch((error: unknown) => {
        if (error instanceof SearchTooBroadError)
          throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
        throw error;
      }),
    ),
});
