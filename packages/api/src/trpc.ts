import type { Database } from "@parallax/db";
import type { FetchGuard } from "@parallax/net";
import {
  type BriefJob,
  type IngestJob,
  type RateBucket,
  type RateDecision,
  RateLimitedError,
  type StageQueues,
} from "@parallax/queue";
import { initTRPC, TRPCError } from "@trpc/server";
import type { Queue } from "bullmq";
import superjson from "superjson";
import { ZodError } from "zod";
import {
  type AccessPolicy,
  ANONYMOUS,
  canRead,
  canSubmit,
  DEFAULT_ACCESS,
  isAdmin,
  type Viewer,
} from "./auth/viewer";

export interface Context {
  /** The primary: everything that writes, and reads that must see a write just made. */
  db: Database;
  /**
   * A read replica, when the deployment has one. Query procedures get it as their `db` (see `replicaReads`), so
   * pages scale with replicas; mutations and the worker stay on the primary.
   */
  readDb?: Database;
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
  /**
   * Counts one request of this caller against a rate limit. Optional: the CLI and tests are not limited, and a
   * route handler that has already counted the request (before reading its body) leaves it out.
   */
  rateLimit?: (bucket: RateBucket) => Promise<RateDecision>;
  /**
   * Which addresses feed discovery may fetch from (the web app's FETCH_ALLOW_HOSTS). Optional: without it only
   * the public internet is reached.
   */
  fetchGuard?: FetchGuard;
  log: (line: string) => void;
  /** Who is calling; absent means anonymous. The web app resolves it from a session cookie or an API token. */
  viewer?: Viewer;
  /** PUBLIC_READ and SUBMIT_ACCESS; absent means the defaults (public reading, open submitting). */
  access?: AccessPolicy;
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

/**
 * Queries read from the replica when there is one: a query changes nothing, and a replica a few milliseconds
 * behind is fine for reading news. A mutation keeps the primary for its reads too, so it sees what it writes.
 */
const replicaReads = t.middleware(({ ctx, type, next }) =>
  type === "query" && ctx.readDb ? next({ ctx: { ...ctx, db: ctx.readDb } }) : next(),
);
const procedure = t.procedure.use(replicaReads);

const viewerOf = (ctx: Context): Viewer => ctx.viewer ?? ANONYMOUS;
const accessOf = (ctx: Context): AccessPolicy => ctx.access ?? DEFAULT_ACCESS;

function signInRequired(viewer: Viewer, what: string): TRPCError {
  const refused = viewer.kind === "anonymous" && viewer.refused ? ` (${viewer.refused})` : "";
  return new TRPCError({
    code: "UNAUTHORIZED",
    message: `sign in as an administrator or send an API token to ${what}${refused}`,
  });
}

/**
 * Reading: open to anyone unless the installation sets PUBLIC_READ=false, then to signed-in users and tokens.
 * Every query of the app is one of these (or an `adminProcedure`), so a private installation hides them all.
 */
export const publicProcedure = procedure.use(({ ctx, next }) => {
  const viewer = viewerOf(ctx);
  if (!canRead(viewer, accessOf(ctx))) throw signInRequired(viewer, "read this Parallax");
  return next({ ctx: { viewer } });
});

/**
 * For every action that changes something other than submitting (jobs, sources, stories, feeds, watches,
 * reprocessing, tokens): a signed-in administrator, an API token of scope `admin`, or the local CLI.
 */
export const adminProcedure = procedure.use(({ ctx, next }) => {
  const viewer = viewerOf(ctx);
  if (viewer.kind === "anonymous") throw signInRequired(viewer, "do this");
  if (!isAdmin(viewer))
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "this token may only submit articles; this needs an admin token",
    });
  return next({ ctx: { viewer } });
});

/** Submitting articles: open to anyone, or with SUBMIT_ACCESS=token to administrators and tokens of any scope. */
export const submitProcedure = procedure.use(({ ctx, next }) => {
  const viewer = viewerOf(ctx);
  if (!canSubmit(viewer, accessOf(ctx))) throw signInRequired(viewer, "submit articles");
  return next({ ctx: { viewer } });
});

/**
 * A procedure that counts each call against the caller's `bucket` limit and refuses with TOO_MANY_REQUESTS; the
 * access check comes first (submitting for `submit`, reading otherwise), so a refused caller spends nothing.
 */
export function rateLimitedProcedure(bucket: RateBucket) {
  return (bucket === "submit" ? submitProcedure : publicProcedure).use(async ({ ctx, next }) => {
    const decision = await ctx.rateLimit?.(bucket);
    if (decision && !decision.allowed) {
      const cause = new RateLimitedError(bucket, decision);
      throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: cause.message, cause });
    }
    return next();
  });
}
