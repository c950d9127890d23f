import { type JobState, jobStates, type PipelineStage, pipelineStages } from "@parallax/queue";
import { TRPCError } from "@trpc/server";
import type { Job, Queue } from "bullmq";
import { z } from "zod";
import type { Context } from "../trpc";

/**
 * The states a job can be listed in. BullMQ 6 has no "paused" state: a paused queue keeps its jobs waiting,
 * so pausing is reported per stage (`paused`) rather than as a count.
 */
export { type JobState, jobStates };

export const zStage = z.enum(pipelineStages);
export const zJobState = z.enum(jobStates);
/** BullMQ ids are free strings (scheduler jobs contain colons); bounded so a hostile id costs nothing. */
export const zJobId = z
  .string()
  .trim()
  .min(1, "a job id is required")
  .max(300, "job ids are at most 300 characters");

export const JOBS_PAGE_SIZE = 20;
const REASON_LIMIT = 2_000;
const SUMMARY_LIMIT = 200;

export const zStageCounts = z.object({
  stage: zStage,
  waiting: z.number().int(),
  active: z.number().int(),
  delayed: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  /** Whether the stage's queue is paused (its waiting jobs are held). */
  paused: z.boolean(),
});
export type StageCounts = z.infer<typeof zStageCounts>;

export const zJobSummary = z.object({
  id: z.string(),
  name: z.string(),
  /** The job's payload in a line: the article, story or run it is about, never the whole payload. */
  summary: z.string(),
  articleId: z.string().nullable(),
  storyId: z.string().nullable(),
  attemptsMade: z.number().int(),
  attempts: z.number().int(),
  createdAt: z.number().nullable(),
  processedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  progress: z.object({ percent: z.number().nullable(), stage: z.string().nullable() }),
  failedReason: z.string().nullable(),
});
export type JobSummary = z.infer<typeof zJobSummary>;

export const zJobPage = z.object({
  stage: zStage,
  state: zJobState,
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  jobs: z.array(zJobSummary),
});

const UNAVAILABLE =
  "The job queue (Redis) cannot be reached; jobs cannot be shown or changed until it is back.";
const connectionTrouble =
  /redis is not connected|stream isn't writeable|connection is closed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|max retries per request/i;

function unavailable(cause?: unknown): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: UNAVAILABLE, cause });
}

function queueOf(ctx: Context, stage: PipelineStage): Queue {
  const queue = ctx.queues?.[stage];
  if (!queue) throw unavailable();
  return queue;
}

/** Redis connection failures become one clear "queue unavailable" answer; anything else stays an error. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TRPCError) throw error;
    if (error instanceof Error && connectionTrouble.test(error.message)) throw unavailable(error);
    throw error;
  }
}

function clip(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

const uuid = z.uuid();
function idField(data: unknown, key: string): string | null {
  if (data === null || typeof data !== "object") return null;
  const value = (data as Record<string, unknown>)[key];
  return uuid.safeParse(value).success ? (value as string) : null;
}

/** Shown as links to the article or story instead. */
const linkedKeys = new Set(["articleId", "storyId"]);

/** A one-line description of a payload: its short scalar fields, never nested or long values. */
export function summarizeData(data: unknown): string {
  if (data === null || data === undefined) return "";
  if (typeof data !== "object") return clip(String(data), SUMMARY_LIMIT);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (linkedKeys.has(key)) continue;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      parts.push(`${key}: ${clip(String(value), 80)}`);
    } else if (value !== null && value !== undefined) {
      parts.push(`${key}: …`);
    }
    if (parts.join(", ").length > SUMMARY_LIMIT) break;
  }
  return clip(parts.join(", "), SUMMARY_LIMIT);
}

function progressOf(progress: unknown): JobSummary["progress"] {
  if (typeof progress === "number" && Number.isFinite(progress)) return { percent: progress, stage: null };
  if (progress !== null && typeof progress === "object") {
    const { percent, stage } = progress as { percent?: unknown; stage?: unknown };
    return {
      percent: typeof percent === "number" && Number.isFinite(percent) ? percent : null,
      stage: typeof stage === "string" ? clip(stage, 40) : null,
    };
  }
  return { percent: null, stage: null };
}

export function toJobSummary(job: Job): JobSummary {
  return {
    id: job.id ?? "",
    name: clip(job.name, 100),
    summary: summarizeData(job.data),
    articleId: idField(job.data, "articleId"),
    storyId: idField(job.data, "storyId"),
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    createdAt: job.timestamp || null,
    processedAt: job.processedOn ?? null,
    finishedAt: job.finishedOn ?? null,
    progress: progressOf(job.progress),
    failedReason: job.failedReason ? clip(job.failedReason, REASON_LIMIT) : null,
  };
}

export function jobCounts(ctx: Context): Promise<StageCounts[]> {
  return guarded(() =>
    Promise.all(
      pipelineStages.map(async (stage) => {
        const queue = queueOf(ctx, stage);
        const [counts, paused] = await Promise.all([queue.getJobCounts(...jobStates), queue.isPaused()]);
        return {
          stage,
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          completed: counts.completed ?? 0,
          failed: counts.failed ?? 0,
          paused,
        };
      }),
    ),
  );
}

export function listJobs(ctx: Context, input: { stage: PipelineStage; state: JobState; page: number }) {
  return guarded(async () => {
    const queue = queueOf(ctx, input.stage);
    const counts = await queue.getJobCounts(input.state);
    const total = counts[input.state] ?? 0;
    const lastPage = Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE));
    // A page past the end (a stale link after jobs finished) shows the last one rather than nothing.
    const page = Math.min(input.page, lastPage);
    const start = (page - 1) * JOBS_PAGE_SIZE;
    const jobs = await queue.getJobs([input.state], start, start + JOBS_PAGE_SIZE - 1, false);
    return {
      stage: input.stage,
      state: input.state,
      page,
      pageSize: JOBS_PAGE_SIZE,
      total,
      // A job can finish and be removed between the two reads; BullMQ then leaves a hole.
      jobs: jobs.filter((job): job is Job => Boolean(job)).map(toJobSummary),
    };
  });
}

async function findJob(queue: Queue, stage: PipelineStage, id: string): Promise<{ job: Job; state: string }> {
  const job = await queue.getJob(id);
  if (!job) {
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `There is no job ${id} in the ${stage} queue (any more).`,
    });
  }
  return { job, state: await job.getState() };
}

/** Runs a failed (or completed) job again from its first attempt. */
export function retryJob(ctx: Context, input: { stage: PipelineStage; id: string }) {
  return guarded(async () => {
    const { job, state } = await findJob(queueOf(ctx, input.stage), input.stage, input.id);
    if (state !== "failed" && state !== "completed") {
      throw new TRPCError({
        code: "CONFLICT",
        message: `Job ${input.id} is ${state}; only failed or completed jobs can be retried.`,
      });
    }
    await job.retry(state);
    return { id: input.id, stage: input.stage, state: "waiting" as const };
  });
}

/** Deletes a job that is not running; a running job holds a lock and must finish or fail first. */
export function removeJob(ctx: Context, input: { stage: PipelineStage; id: string }) {
  return guarded(async () => {
    const { job, state } = await findJob(queueOf(ctx, input.stage), input.stage, input.id);
    if (state === "active") {
      throw new TRPCError({
        code: "CONFLICT",
        message: `Job ${input.id} is running; it can be removed once it has finished or failed.`,
      });
    }
    try {
      await job.remove();
    } catch (error) {
      // The job started (or its parent holds it) between our look and the removal.
      if (error instanceof Error && /locked|could not remove|is not in/i.test(error.message)) {
        throw new TRPCError({
          code: "CONFLICT",
          message: `Job ${input.id} could not be removed: ${error.message}`,
        });
      }
      throw error;
    }
    return { id: input.id, stage: input.stage, removed: true as const };
  });
}
