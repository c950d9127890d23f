import type { RedisConnection } from "./connection";

/**
 * What a limit guards: submitting articles (every route into `article.submit`), searching, uploading files
 * (counted on top of submitting, so a batch of uploads has a cap of its own), and signing in.
 */
export type RateBucket = "submit" | "search" | "upload" | "signin";

export interface RateLimit {
  /** Sustained requests per minute per client; 0 turns the limit off. */
  perMinute: number;
  /** Requests a client may make at once before the sustained rate applies; at least 1. */
  burst: number;
}

/** Submitting and searching always have a setting (0 is off); a bucket left out is not limited. */
export type RateLimits = Record<"submit" | "search", RateLimit> & Partial<Record<RateBucket, RateLimit>>;

const UNLIMITED: RateLimit = { perMinute: 0, burst: 1 };

export interface RateDecision {
  allowed: boolean;
  /** Requests the client could still make right now; Infinity when the limit is off or cannot be checked. */
  remaining: number;
  /** When a refused request would next be allowed; 0 when allowed. */
  retryAfterMs: number;
  /** The limit that decided, for messages ("60 per minute"). */
  limit: RateLimit;
}

// GCRA (the "virtual scheduling" form of a token bucket): KEYS[1] holds the theoretical arrival time (ms) of the
// client's next request. ARGV: emission interval ms (60000 / perMinute), burst. Redis's clock, not the callers',
// so web processes on machines with skewed clocks agree; the key expires once the bucket is full again, so idle
// clients leave nothing behind. Returns {allowed 0|1, remaining, retry after ms}.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local nextTat = tat + interval
local allowAt = nextTat - burst * interval
if now < allowAt then
  return {0, 0, math.ceil(allowAt - now)}
end
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.max(1, math.ceil(nextTat - now)))
return {1, math.floor((now - allowAt) / interval), 0}
`;

type TakeReply = [allowed: number, remaining: number, retryAfterMs: number];

interface LimiterCommands {
  parallaxRateTake(key: string, interval: number, burst: number): Promise<TakeReply>;
}

/** A client identity becomes part of a Redis key: keep it short and free of the hash-tag braces. */
function clientPart(client: string): string {
  const cleaned = client.replace(/[{}\s]/g, "_");
  return cleaned.length > 100 ? cleaned.slice(0, 100) : cleaned;
}

export interface RateLimiterOptions {
  /** How long to wait for Redis before letting the request through. */
  timeoutMs?: number;
  /** Told (at most once a minute) that limits are not being enforced because Redis did not answer. */
  log?: (line: string) => void;
}

/**
 * Per-client request limits kept in Redis, so every web process sharing the prefix shares one count. Keys are
 * `<prefix>:rl:{<bucket>:<client>}`. When Redis cannot be reached the limiter fails open: it lets requests
 * through and logs that once a minute. Refusing submissions because a safety net is down would turn a Redis
 * outage (which submissions otherwise survive: they are stored and enqueued later) into an outage of the app;
 * the price is that a client can exceed its limit while Redis is away.
 */
export class RateLimiter {
  private lastFailureReport = 0;
  private readonly timeoutMs: number;

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    readonly limits: RateLimits,
    private readonly options: RateLimiterOptions = {},
  ) {
    for (const [bucket, limit] of Object.entries(limits) as Array<[string, RateLimit]>) {
      if (!(limit.perMinute >= 0)) throw new Error(`rate limit ${bucket}: perMinute must not be negative`);
      if (!(limit.burst >= 1)) throw new Error(`rate limit ${bucket}: burst must be at least 1`);
    }
    this.timeoutMs = options.timeoutMs ?? 500;
    // defineCommand is per connection; several limiters on one connection share the script.
    if (!("parallaxRateTake" in redis))
      redis.defineCommand("parallaxRateTake", { numberOfKeys: 1, lua: TAKE });
  }

  key(bucket: RateBucket, client: string): string {
    return `${this.prefix}:rl:{${bucket}:${clientPart(client)}}`;
  }

  /** Counts one request of `client` against `bucket` and says whether it may go ahead. */
  async take(bucket: RateBucket, client: string): Promise<RateDecision> {
    const limit = this.limits[bucket] ?? UNLIMITED;
    const open: RateDecision = { allowed: true, remaining: Number.POSITIVE_INFINITY, retryAfterMs: 0, limit };
    if (limit.perMinute === 0) return open;
    const commands = this.redis as unknown as LimiterCommands;
    let timer: NodeJS.Timeout | undefined;
    try {
      const [allowed, remaining, retryAfterMs] = await Promise.race([
        commands.parallaxRateTake(this.key(bucket, client), 60_000 / limit.perMinute, limit.burst),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${this.timeoutMs} ms`)),
            this.timeoutMs,
          );
        }),
      ]);
      return { allowed: allowed === 1, remaining, retryAfterMs, limit };
    } catch (error) {
      if (Date.now() - this.lastFailureReport >= 60_000) {
        this.lastFailureReport = Date.now();
        const reason = error instanceof Error ? error.message : String(error);
        this.options.log?.(`rate limits are not enforced: Redis did not answer (${reason})`);
      }
      return open;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** "Too many searches: the limit is 120 per minute; try again in 3 s." */
export function describeRefusal(bucket: RateBucket, decision: RateDecision): string {
  const what = {
    submit: "submissions",
    search: "searches",
    upload: "uploaded files",
    signin: "sign-in attempts",
  }[bucket];
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return `Too many ${what}: the limit is ${decision.limit.perMinute} per minute (bursts of ${decision.limit.burst}); try again in ${seconds} s.`;
}

/** A request refused by a rate limit; carries when to try again (the `Retry-After` of an HTTP reply). */
export class RateLimitedError extends Error {
  override name = "RateLimitedError";
  constructor(
    readonly bucket: RateBucket,
    readonly decision: RateDecision,
  ) {
    super(describeRefusal(bucket, decision));
  }

  /** Whole seconds, rounded up, as `Retry-After` wants them. */
  get retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.decision.retryAfterMs / 1000));
  }
}
