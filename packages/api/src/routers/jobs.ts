import { z } from "zod";
import {
  jobCounts,
  listJobs,
  removeJob,
  retryJob,
  zJobId,
  zJobPage,
  zJobState,
  zStage,
  zStageCounts,
} from "../services/jobs";
import { adminProcedure, createTRPCRouter, publicProcedure } from "../trpc";

const zJobRef = z.object({ stage: zStage, id: zJobId });

export const jobsRouter = createTRPCRouter({
  /** Jobs per state for every pipeline stage. */
  counts: publicProcedure.output(z.array(zStageCounts)).query(({ ctx }) => jobCounts(ctx)),

  /** One page of one stage's jobs in one state, newest first. */
  list: publicProcedure
    .input(
      z.object({
        stage: zStage.default("ingest"),
        state: zJobState.default("failed"),
        page: z.number().int().min(1).max(100_000).default(1),
      }),
    )
    .output(zJobPage)
    .query(({ ctx, input }) => listJobs(ctx, input)),

  retry: adminProcedure
    .input(zJobRef)
    .output(z.object({ id: z.string(), stage: zStage, state: z.literal("waiting") }))
    .mutation(({ ctx, input }) => retryJob(ctx, input)),

  remove: adminProcedure
    .input(zJobRef)
    .output(z.object({ id: z.string(), stage: zStage, removed: z.literal(true) }))
    .mutation(({ ctx, input }) => removeJob(ctx, input)),
});
