import { zAddFeed, zFeed, zFeedUrl } from "@parallax/core/feeds";
import { listFeeds } from "@parallax/db";
import { z } from "zod";
import {
  addSubscription,
  discoverSubscriptions,
  exportOpml,
  importOpml,
  pollSubscriptionNow,
  removeSubscription,
} from "../services/subscriptions";
import { adminProcedure, createTRPCRouter, publicProcedure } from "../trpc";

const zCandidate = z.object({ url: z.string(), title: z.string().nullable(), itemCount: z.number().int() });

export const subscriptionRouter = createTRPCRouter({
  /** Every feed with its polling state, by title. */
  list: publicProcedure.output(z.array(zFeed)).query(({ ctx }) => listFeeds(ctx.db)),

  /** A feed URL subscribes; a web page's URL answers with the feeds found on it (`status: "choose"`). */
  add: adminProcedure
    .input(zAddFeed)
    .output(
      z.discriminatedUnion("status", [
        z.object({ status: z.literal("added"), feed: zFeed, created: z.boolean(), scheduled: z.boolean() }),
        z.object({ status: z.literal("choose"), candidates: z.array(zCandidate) }),
      ]),
    )
    .mutation(({ ctx, input }) => addSubscription(ctx, input)),

  remove: adminProcedure
    .input(z.object({ id: z.uuid() }))
    .output(zFeed)
    .mutation(({ ctx, input }) => removeSubscription(ctx, input.id)),

  discover: adminProcedure
    .input(z.object({ url: zFeedUrl }))
    .output(z.array(zCandidate))
    .mutation(({ ctx, input }) => discoverSubscriptions(ctx, input.url)),

  pollNow: adminProcedure
    .input(z.object({ id: z.uuid() }))
    .output(zFeed)
    .mutation(({ ctx, input }) => pollSubscriptionNow(ctx, input.id)),

  importOpml: adminProcedure
    .input(
      z.object({
        opml: z
          .string()
          .min(1, "the OPML file is empty")
          .max(2 * 1024 * 1024, "the OPML file is larger than 2 MB"),
      }),
    )
    .output(
      z.object({
        added: z.number().int(),
        existing: z.number().int(),
        skipped: z.array(z.object({ text: z.string(), reason: z.string() })),
      }),
    )
    .mutation(({ ctx, input }) => importOpml(ctx, input.opml)),

  exportOpml: publicProcedure.output(z.string()).query(({ ctx }) => exportOpml(ctx)),
});
