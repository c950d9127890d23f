import type { Database } from "@parallax/db";
import type { BriefJob, IngestJob, StageQueues } from "@parallax/queue";
import { initTRPC } from "@trpc/server";
import type { Queue } from "bullmq";
import superjson from "superjson";
import { ZodError } from "zod";

export interface Context {
  db: Database;
  ingestQueue: Queue<IngestJob>;
  /**
   * Where story changes ask for briefing rebuilds (moves, splits). Optional so that callers that only ingest
   * (the CLI, pipeline tests) need not open it; without it a moved article's stories keep their briefings
   * until their next change.
   */
  briefQueue?: Queue<BriefJob>;
  /**
   * Every pipeline queue, for looking at and acting on jobs (the /jobs page). Optional: the CLI and pipeline
   * tests never need it; without it the jobs procedures answer that the queue cannot be reached.
   */
  queues?: StageQueues;
  log: (line: string) => void;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level problems for forms; never a stack trace.
        issues:
          error.cause instanceof ZodError
            ? error.cause.issues.map((i) => ({ path: i.path.join("."), message: i.message }))
            : null,
        stack: undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/**
 * For actions only an administrator may take (retrying and removing jobs, editing sources). Sign-in arrives
 * with issue 9, which gates this one procedure on the caller's identity; until then it is as open as
 * `publicProcedure`, and every admin-only procedure already says so by using it.
 */
export const adminProcedure = t.procedure;
