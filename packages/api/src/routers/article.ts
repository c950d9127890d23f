import { zArticle, zArticleId, zArticleSummary, zEnrichment, zIngestRequest } from "@parallax/core";
import { getArticle, getArticleEnrichment, listArticles } from "@parallax/db";
import { zIngestProgress } from "@parallax/queue";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { articleProgress } from "../services/progress";
import { submitArticle } from "../services/submit";
import { createTRPCRouter, publicProcedure } from "../trpc";

const zSubmitResult = z.object({ articleId: zArticleId, status: z.string(), created: z.boolean() });
const zProgress = z.object({
  id: zArticleId,
  status: z.string(),
  error: z.string().nullable(),
  title: z.string().nullable(),
  progress: zIngestProgress.nullable(),
  attemptsMade: z.number().int(),
});

export const articleRouter = createTRPCRouter({
  submit: publicProcedure
    .input(zIngestRequest)
    .output(zSubmitResult)
    .mutation(({ ctx, input }) => submitArticle(ctx, input)),

  list: publicProcedure
    .input(
      z.object({
        limit: z.number().int().min(1).max(100).default(50),
        cursor: z.iso.datetime({ offset: true }).nullish(),
      }),
    )
    .output(z.object({ items: z.array(zArticleSummary), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const items = await listArticles(ctx.db, {
        limit: input.limit,
        ...(input.cursor ? { before: input.cursor } : {}),
      });
      const last = items.at(-1);
      return { items, nextCursor: items.length === input.limit && last ? last.createdAt : null };
    }),

  byId: publicProcedure
    .input(z.object({ id: zArticleId }))
    .output(zArticle)
    .query(async ({ ctx, input }) => {
      const article = await getArticle(ctx.db, input.id);
      if (!article) throw new TRPCError({ code: "NOT_FOUND", message: `no article ${input.id}` });
      return article;
    }),

  progress: publicProcedure
    .input(z.object({ id: zArticleId }))
    .output(zProgress)
    .query(async ({ ctx, input }) => {
      const progress = await articleProgress(ctx, input.id);
      if (!progress) throw new TRPCError({ code: "NOT_FOUND", message: `no article ${input.id}` });
      return progress;
    }),

  /** Entities, mentions, dates, timeline, figures, quotes and keywords; null until the article is enriched. */
  enrichment: publicProcedure
    .input(z.object({ id: zArticleId }))
    .output(zEnrichment.nullable())
    .query(({ ctx, input }) => getArticleEnrichment(ctx.db, input.id)),
});
