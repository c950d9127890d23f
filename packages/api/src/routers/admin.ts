import { getReprocessReport } from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { startReprocess } from "../services/reprocess";
import { createTRPCRouter, publicProcedure } from "../trpc";

const zScope = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }),
  z.object({ kind: z.literal("since"), since: z.iso.datetime({ offset: true }).or(z.iso.date()) }),
  z.object({ kind: z.literal("outdated") }),
]);

const zReport = z.object({
  runId: z.uuid(),
  scope: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  unchanged: z.number().int(),
  changed: z.number().int(),
  failed: z.number().int(),
  details: z.array(
    z.object({
      articleId: z.uuid(),
      title: z.string().nullable(),
      outcome: z.string(),
      changes: z.array(z.string()),
      error: z.string().nullable(),
    }),
  ),
});

// Sign-in and admin-only access arrive with the security work; until then these are as open as submitting.
export const adminRouter = createTRPCRouter({
  reprocess: publicProcedure
    .input(zScope)
    .output(z.object({ runId: z.uuid(), total: z.number().int(), normalizerVersion: z.number().int() }))
    .mutation(({ ctx, input }) => startReprocess(ctx, input)),

  reprocessReport: publicProcedure
    .input(z.object({ runId: z.uuid() }))
    .output(zReport)
    .query(async ({ ctx, input }) => {
      const report = await getReprocessReport(ctx.db, input.runId);
      if (!report) throw new TRPCError({ code: "NOT_FOUND", message: `no reprocessing run ${input.runId}` });
      return report;
    }),
});
