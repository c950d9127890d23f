import { getReprocessReport, listApiTokens, revokeApiToken } from "@parallax/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { startReprocess } from "../services/reprocess";
import { createApiToken, zTokenName, zTokenScope } from "../auth/accounts";
import { adminProcedure, createTRPCRouter } from "../trpc";

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

const zToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scope: zTokenScope,
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const adminRouter = createTRPCRouter({
  reprocess: adminProcedure
    .input(zScope)
    .output(z.object({ runId: z.uuid(), total: z.number().int(), normalizerVersion: z.number().int() }))
    .mutation(({ ctx, input }) => startReprocess(ctx, input)),

  reprocessReport: adminProcedure
    .input(z.object({ runId: z.uuid() }))
    .output(zReport)
    .query(async ({ ctx, input }) => {
      const report = await getReprocessReport(ctx.db, input.runId);
      if (!report) throw new TRPCError({ code: "NOT_FOUND", message: `no reprocessing run ${input.runId}` });
      return report;
    }),

  /** API tokens, live ones first, with when each was last used; never the tokens themselves. */
  tokens: adminProcedure.output(z.array(zToken)).query(({ ctx }) => listApiTokens(ctx.db)),

  /** A new API token: the answer is the only place the token ever appears. */
  createToken: adminProcedure
    .input(z.object({ name: zTokenName, scope: zTokenScope }))
    .output(z.object({ token: z.string(), record: zToken }))
    .mutation(async ({ ctx, input }) => {
      const createdBy = ctx.viewer.kind === "user" ? ctx.viewer.userId : null;
      const created = await createApiToken(ctx.db, { ...input, createdBy });
      ctx.log(`API token ${created.record.prefix}… (${input.name}, ${input.scope}) created`);
      return created;
    }),

  revokeToken: adminProcedure
    .input(z.object({ id: z.uuid("not a token id") }))
    .output(z.object({ revoked: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await revokeApiToken(ctx.db, input.id)))
        throw new TRPCError({ code: "NOT_FOUND", message: `no live token ${input.id}` });
      return { revoked: true as const };
    }),
});
