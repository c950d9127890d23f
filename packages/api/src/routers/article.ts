import {
  zArticle,
  zArticleId,
  zArticleSummary,
  zBriefing,
  zEnrichment,
  zIngestRequest,
} from "@parallax/core";
import {
  getArticle,
  getArticleEnrichment,
  getCitedParagraph,
  listArticles,
  getRevision,
  listRevisions,
  storyOfArticle,
} from "@parallax/db";
import { diffRevisions, zRevisionDiff, zRevisionParagraph } from "@parallax/core/revisions";
import { zIngestProgress } from "@parallax/queue";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { articleProgress } from "../services/progress";
import { articleBriefing } from "../services/stories";
import { submitArticle } from "../services/submit";
import { createTRPCRouter, publicProcedure, rateLimitedProcedure } from "../trpc";

const zSubmitResult = z.object({
  articleId: zArticleId,
  status: z.string(),
  created: z.boolean(),
  refetch: z.enum(["queued", "recent", "deferred"]).optional(),
});
const zRevisionSummary = z.object({
  revision: z.number().int().positive(),
  createdAt: z.string(),
  reason: z.enum(["first", "refetch", "reprocess"]),
  title: z.string().nullable(),
  contentHash: z.string(),
  paragraphCount: z.number().int(),
});
const zProgress = z.object({
  id: zArticleId,
  status: z.string(),
  error: z.string().nullable(),
  title: z.string().nullable(),
  progress: zIngestProgress.nullable(),
  attemptsMade: z.number().int(),
});

export const articleRouter = createTRPCRouter({
  submit: rateLimitedProcedure("submit")
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

  /** The story the article is in; null until the worker has placed it (or for no such article). */
  story: publicProcedure
    .input(z.object({ id: zArticleId }))
    .output(
      z
        .object({
          articleId: zArticleId,
          storyId: z.guid(),
          score: z.number().nullable(),
          pinned: z.boolean(),
          assignedAt: z.string(),
        })
        .nullable(),
    )
    .query(({ ctx, input }) => storyOfArticle(ctx.db, input.id)),

  /** One paragraph (1-based, as citations number them), to show a cited paragraph in place. */
  paragraph: publicProcedure
    .input(z.object({ id: zArticleId, n: z.number().int().min(1).max(100_000) }))
    .output(
      z.object({
        articleId: zArticleId,
        paragraph: z.number().int(),
        text: z.string(),
        articleTitle: z.string().nullable(),
        outlet: z.string().nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const found = await getCitedParagraph(ctx.db, input.id, input.n);
      if (!found)
        throw new TRPCError({ code: "NOT_FOUND", message: `no paragraph ${input.n} in article ${input.id}` });
      return found;
    }),

  /** This article alone as a briefing, built on request; null until it is readable and enriched. */
  briefing: publicProcedure
    .input(z.object({ id: zArticleId }))
    .output(zBriefing.nullable())
    .query(({ ctx, input }) => articleBriefing(ctx, input.id)),

  /** Every text the article has shown, oldest first; the last is what it shows now. */
  revisions: publicProcedure
    .input(z.object({ id: zArticleId }))
    .output(z.array(zRevisionSummary))
    .query(({ ctx, input }) => listRevisions(ctx.db, input.id)),

  /** What changed from one revision to another, paragraph by paragraph and word by word. */
  revisionDiff: publicProcedure
    .input(
      z
        .object({
          id: zArticleId,
          from: z.number().int().min(1).max(2_147_483_647),
          to: z.number().int().min(1).max(2_147_483_647),
        })
        .refine((v) => v.from !== v.to, { message: "from and to must be different revisions" }),
    )
    .output(
      z.object({
        from: zRevisionSummary,
        to: zRevisionSummary,
        fromParagraphs: z.array(zRevisionParagraph),
        diff: zRevisionDiff,
      }),
    )
    .query(async ({ ctx, input }) => {
      const [from, to] = await Promise.all([
        getRevision(ctx.db, input.id, input.from),
        getRevision(ctx.db, input.id, input.to),
      ]);
      const missing = !from ? input.from : !to ? input.to : null;
      if (!from || !to)
        throw new TRPCError({ code: "NOT_FOUND", message: `article ${input.id} has no revision ${missing}` });
      const before = zRevisionParagraph.array().parse(from.paragraphs);
      const after = zRevisionParagraph.array().parse(to.paragraphs);
      const { paragraphs: _f, articleId: _a, ...fromSummary } = from;
      const { paragraphs: _t, articleId: _b, ...toSummary } = to;
      return { from: fromSummary, to: toSummary, fromParagraphs: before, diff: diffRevisions(before, after) };
    }),
});
