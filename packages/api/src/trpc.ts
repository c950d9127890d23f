import type { Database } from "@parallax/db";
import type { IngestJob } from "@parallax/queue";
import { initTRPC } from "@trpc/server";
import type { Queue } from "bullmq";
import superjson from "superjson";
import { ZodError } from "zod";

export interface Context {
  db: Database;
  ingestQueue: Queue<IngestJob>;
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
