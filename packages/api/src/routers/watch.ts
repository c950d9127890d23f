import { zAlert, zNewWatch, zWatch } from "@parallax/core";
import {
  createWatch,
  getWatch,
  listAlerts,
  listWatches,
  markAlertsRead,
  removeWatch,
  WatchExistsError,
  watchSecret,
} from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { refuseInternalWebhook } from "../services/webhook-url";
import { adminProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const ALERTS_PAGE_SIZE = 50;

const zWatchId = z.object({ id: z.uuid("not a watch id") });

async function existingWatch(db: Parameters<typeof getWatch>[0], id: string) {
  const watch = await getWatch(db, id);
  if (!watch) throw new TRPCError({ code: "NOT_FOUND", message: `no watch ${id}` });
  return watch;
}

export const watchRouter = createTRPCRouter({
  /** Every watch, newest first, with its alert counts and when it last alerted. */
  list: publicProcedure.output(z.object({ items: z.array(zWatch) })).query(async ({ ctx }) => ({
    items: await listWatches(ctx.db),
  })),

  get: publicProcedure
    .input(zWatchId)
    .output(zWatch)
    .query(({ ctx, input }) => existingWatch(ctx.db, input.id)),

  /** Saves a watch; its webhook secret is in this answer and otherwise only in `secret` (administrators). */
  create: adminProcedure
    .input(zNewWatch)
    .output(z.object({ watch: zWatch, secret: z.string() }))
    .mutation(async ({ ctx, input }) => {
      if (input.webhookUrl) refuseInternalWebhook(ctx, input.webhookUrl);
      try {
        return await createWatch(ctx.db, input);
      } catch (error) {
        if (error instanceof WatchExistsError)
          throw new TRPCError({ code: "CONFLICT", message: error.message });
        throw error;
      }
    }),

  /** Removes a watch with its alerts; deliveries still queued find nothing to send and end. */
  remove: adminProcedure
    .input(zWatchId)
    .output(z.object({ removed: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await removeWatch(ctx.db, input.id)))
        throw new TRPCError({ code: "NOT_FOUND", message: `no watch ${input.id}` });
      return { removed: true as const };
    }),

  /** Alerts newest first, of one watch or of all, with each webhook delivery's state. */
  alerts: publicProcedure
    .input(
      z
        .object({
          watchId: z.uuid("not a watch id").optional(),
          unread: z.boolean().optional(),
          page: z.number().int().min(1).max(100_000).default(1),
          limit: z.number().int().min(1).max(ALERTS_PAGE_SIZE).default(ALERTS_PAGE_SIZE),
        })
        .default({ page: 1, limit: ALERTS_PAGE_SIZE }),
    )
    .output(
      z.object({
        items: z.array(zAlert),
        total: z.number().int(),
        page: z.number().int(),
        pageSize: z.number().int(),
      }),
    )
    .query(async ({ ctx, input }) => {
      if (input.watchId) await existingWatch(ctx.db, input.watchId);
      const { items, total } = await listAlerts(ctx.db, {
        watchId: input.watchId,
        unread: input.unread,
        limit: input.limit,
        offset: (input.page - 1) * input.limit,
      });
      return { items, total, page: input.page, pageSize: input.limit };
    }),

  /** Marks alerts read: the given ids, or every unread alert with `all`. */
  markRead: adminProcedure
    .input(
      z.union([
        z.object({ ids: z.array(z.uuid("not an alert id")).min(1, "no alerts given").max(500) }),
        z.object({ all: z.literal(true) }),
      ]),
    )
    .output(z.object({ marked: z.number().int() }))
    .mutation(async ({ ctx, input }) => ({
      marked: await markAlertsRead(ctx.db, "all" in input ? "all" : input.ids),
    })),

  /** The watch's webhook secret, for an administrator setting up or checking a receiver. */
  secret: adminProcedure
    .input(zWatchId)
    .output(z.object({ secret: z.string() }))
    .query(async ({ ctx, input }) => {
      const secret = await watchSecret(ctx.db, input.id);
      if (!secret) throw new TRPCError({ code: "NOT_FOUND", message: `no watch ${input.id}` });
      return { secret };
    }),
});
