import "server-only";
import type { AccessPolicy, Context, Viewer } from "@parallax/api";
import { redactSecrets } from "@parallax/core/redact";
import { createDatabase, type Database } from "@parallax/db";
import { FetchGuard } from "@parallax/net";
import {
  createBriefQueue,
  createIngestQueue,
  createRedis,
  createStageQueues,
  pipelineStages,
  type RateBucket,
  RateLimiter,
  type RedisConnection,
  type StageQueues,
} from "@parallax/queue";
import { serverEnv } from "../env";
import { resolveViewer } from "./auth";
import { clientIdentity } from "./client-id";

interface Services {
  db: Database;
  /** A read replica for queries (DATABASE_REPLICA_URL), when there is one. */
  readDb?: Database;
  redis: RedisConnection;
  ingestQueue: Context["ingestQueue"];
  briefQueue: NonNullable<Context["briefQueue"]>;
  /** Every pipeline queue, for the /jobs page; on the same connection. */
  queues: StageQueues;
  /** Per-client limits on submitting and searching, shared with every web process through Redis. */
  rateLimiter: RateLimiter;
  trustProxy: boolean;
  /** Feed discovery's fetches: the public internet and FETCH_ALLOW_HOSTS, nothing else. */
  fetchGuard: FetchGuard;
  access: AccessPolicy;
  /** Settles when Redis first answers or after a short wait, whichever is sooner; then never waits again. */
  redisWarm: Promise<void>;
}

// Cached on globalThis: dev hot reload re-evaluates modules, and each evaluation would otherwise open new pools.
const holder = globalThis as typeof globalThis & { __parallaxServices?: Services };

/** One database pool and one producer Redis connection per server process, made on first use. */
export function services(): Services {
  if (!holder.__parallaxServices) {
    const env = serverEnv();
    const redis = createRedis(env.REDIS_URL, "producer");
    const ingestQueue = createIngestQueue({ connection: redis, prefix: env.QUEUE_PREFIX });
    const briefQueue = createBriefQueue({ connection: redis, prefix: env.QUEUE_PREFIX });
    // Its connection errors are the ingest queue's (one Redis connection), reported once there.
    briefQueue.on("error", () => {});
    const queues = createStageQueues({ connection: redis, prefix: env.QUEUE_PREFIX });
    for (const queue of Object.values(queues)) queue.on("error", () => {});
    // Without a listener BullMQ prints every failed reconnect; one line a minute is enough to say Redis is away.
    let lastReport = 0;
    ingestQueue.on("error", (error) => {
      if (Date.now() - lastReport < 60_000) return;
      lastReport = Date.now();
      log(`queue connection: ${error.message} (submissions are stored and enqueued once Redis is back)`);
    });
    holder.__parallaxServices = {
      db: createDatabase(env.DATABASE_URL),
      ...(env.DATABASE_REPLICA_URL ? { readDb: createDatabase(env.DATABASE_REPLICA_URL) } : {}),
      redis,
      ingestQueue,
      briefQueue,
      queues,
      rateLimiter: new RateLimiter(
        redis,
        env.QUEUE_PREFIX,
        {
          submit: { perMinute: env.RATE_LIMIT_SUBMIT_PER_MIN, burst: 2 * env.RATE_LIMIT_SUBMIT_PER_MIN || 1 },
          search: { perMinute: env.RATE_LIMIT_SEARCH_PER_MIN, burst: 2 * env.RATE_LIMIT_SEARCH_PER_MIN || 1 },
          upload: {
            perMinute: env.RATE_LIMIT_UPLOAD_PER_MIN,
            burst: 2 * env.RATE_LIMIT_UPLOAD_PER_MIN || 1,
          },
          // Sign-in attempts: a few at once, then one every 60/N seconds, against guessing passwords.
          signin: {
            perMinute: env.RATE_LIMIT_SIGNIN_PER_MIN,
            burst: Math.min(5, env.RATE_LIMIT_SIGNIN_PER_MIN) || 1,
          },
        },
        { log },
      ),
      trustProxy: env.TRUST_PROXY,
      fetchGuard: new FetchGuard({ allow: env.FETCH_ALLOW_HOSTS }),
      access: { publicRead: env.PUBLIC_READ, submit: env.SUBMIT_ACCESS },
      redisWarm: redisReady(redis, 1_500),
    };
  }
  return holder.__parallaxServices;
}

/**
 * The producer connection refuses commands until it is connected (no offline queue), so the first requests
 * after start wait briefly for it; otherwise their jobs would wait for the reconciler. While Redis is down
 * later, requests do not wait: submissions are stored and the reconciler enqueues them.
 */
async function redisReady(redis: RedisConnection, timeoutMs: number): Promise<void> {
  if (redis.status === "ready" || redis.status === "end") return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    redis.once("ready", done);
  });
}

export function log(line: string): void {
  // Driver and fetch errors quote connection strings and URLs verbatim; none of their secrets reach the log.
  console.log(`[parallax] ${redactSecrets(line)}`);
}

/**
 * Stands in for the queue while Redis is not connected. A BullMQ queue whose connection has never been ready
 * waits for it indefinitely, which would hang submissions; failing at once lets `submitArticle` leave the job
 * to the reconciler and `articleProgress` answer from Postgres alone.
 */
const offlineQueue = new Proxy(
  {},
  {
    get: (_target, property) =>
      property === "then" ? undefined : () => Promise.reject(new Error("Redis is not connected")),
  },
) as Context["ingestQueue"];

const offlineQueues = Object.fromEntries(
  pipelineStages.map((stage) => [stage, offlineQueue]),
) as unknown as StageQueues;

/**
 * The context of one request. `requestHeaders` say who is calling (a session cookie or an API token) and name the
 * client whose rate limits its submissions and searches count against; without them the caller is anonymous and
 * nothing is limited. `method` is the request's: a cookie on a cross-site request that changes something is
 * not accepted (see server/auth.ts).
 */
export async function createContext(
  requestHeaders?: Headers,
  method = "GET",
): Promise<Context & { viewer: Viewer }> {
  const {
    db,
    readDb,
    redis,
    ingestQueue,
    briefQueue,
    queues,
    rateLimiter,
    trustProxy,
    fetchGuard,
    access,
    redisWarm,
  } = services();
  const viewer: Viewer = requestHeaders
    ? await resolveViewer(db, requestHeaders, { method, trustProxy })
    : { kind: "anonymous" };
  await redisWarm;
  const ready = redis.status === "ready";
  const client = requestHeaders ? clientIdentity(requestHeaders, trustProxy, viewer) : null;
  return {
    ...(client ? { rateLimit: (bucket: RateBucket) => rateLimiter.take(bucket, client) } : {}),
    db,
    ...(readDb ? { readDb } : {}),
    ingestQueue: ready ? ingestQueue : offlineQueue,
    briefQueue: ready ? briefQueue : (offlineQueue as unknown as Context["briefQueue"]),
    queues: ready ? queues : offlineQueues,
    fetchGuard,
    log,
    viewer,
    access,
  };
}
