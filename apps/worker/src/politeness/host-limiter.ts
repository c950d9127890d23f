import { randomBytes } from "node:crypto";
import type { RedisConnection } from "@parallax/queue";

export interface HostLimits {
  /** Fetches in flight to one host at once, across every worker process sharing the Redis prefix. */
  maxConcurrent: number;
  /** Least time between two request starts to one host; a larger robots.txt Crawl-delay replaces it. */
  minIntervalMs: number;
  /** How long `acquire` waits for a slot before giving up with `HostBusyError` (the job is then delayed). */
  maxWaitMs: number;
  /** A slot held longer than this is taken back, so a crashed worker cannot block a host for good. */
  leaseMs: number;
}

export const DEFAULT_HOST_LIMITS: HostLimits = {
  maxConcurrent: 2,
  minIntervalMs: 1_000,
  maxWaitMs: 10_000,
  leaseMs: 60_000,
};

/** When a job that found its host full comes back: a typical page fetch or two later. */
const FULL_HOST_RETRY_MS = 2_000;

/** No slot came free within `maxWaitMs`: worth trying again later, not a failure of the article. */
export class HostBusyError extends Error {
  constructor(
    readonly host: string,
    readonly retryAfterMs: number,
  ) {
    super(`${host} is busy with other fetches; trying again in ${Math.round(retryAfterMs / 1000)} s`);
    this.name = "HostBusyError";
  }
}

export interface HostLease {
  readonly host: string;
  release(): Promise<void>;
}

/**
 * The host a limit applies to: the URL's hostname, lowercased and in punycode (WHATWG URL does both), without a
 * leading "www.". Subdomains other than www count as hosts of their own; a public-suffix list would group them
 * better, at the price of a dependency.
 */
export function hostKey(url: string | URL): string {
  const hostname = (typeof url === "string" ? new URL(url) : url).hostname.toLowerCase();
  return hostname.startsWith("www.") ? hostname.slice(4) : hostname;
}

// KEYS[1] leases (zset: lease id → expiry), KEYS[2] next allowed start (ms). ARGV: lease id, max concurrent,
// interval ms, lease ms. Redis's clock, not the callers', so workers on machines with skewed clocks agree.
// Returns {1, 0} when granted, {0, ms until the interval ends} or {0, 0} when the host is full.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return {0, 0} end
local nextStart = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < nextStart then return {0, nextStart - now} end
local leaseMs = tonumber(ARGV[4])
redis.call('ZADD', KEYS[1], now + leaseMs, ARGV[1])
redis.call('PEXPIRE', KEYS[1], leaseMs)
local interval = tonumber(ARGV[3])
if interval > 0 then redis.call('SET', KEYS[2], now + interval, 'PX', interval) end
return {1, 0}
`;

type AcquireReply = [granted: number, intervalWaitMs: number];

interface LimiterCommands {
  parallaxHostAcquire(leases: string, next: string, ...args: (string | number)[]): Promise<AcquireReply>;
}

/**
 * At most `maxConcurrent` fetches per host and `minIntervalMs` between their starts, enforced in Redis by one Lua
 * script so every worker process sharing the prefix shares the limit. Keys carry the host as a hash tag
 * (`parallax:host:{example.com}:leases`), so both keys of one host live in one Redis Cluster slot.
 */
export class HostLimiter {
  readonly limits: HostLimits;

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    limits: Partial<HostLimits> = {},
  ) {
    this.limits = { ...DEFAULT_HOST_LIMITS, ...limits };
    if (!(this.limits.maxConcurrent >= 1)) throw new Error("host limiter: maxConcurrent must be at least 1");
    if (!(this.limits.minIntervalMs >= 0))
      throw new Error("host limiter: minIntervalMs must not be negative");
    if (!(this.limits.leaseMs >= 1_000)) throw new Error("host limiter: leaseMs must be at least 1000");
    // defineCommand is idempotent per name; several limiters on one connection share the script.
    if (!("parallaxHostAcquire" in redis))
      redis.defineCommand("parallaxHostAcquire", { numberOfKeys: 2, lua: ACQUIRE });
  }

  private keys(host: string) {
    const base = `${this.prefix}:host:{${host}}`;
    return { leases: `${base}:leases`, next: `${base}:next` };
  }

  /**
   * Waits for a slot on `host` (a `hostKey`) and holds it until `release()`. `intervalMs` overrides the default
   * interval for this start (a Crawl-delay); it is never made smaller than the default.
   */
  async acquire(
    host: string,
    options: { intervalMs?: number; signal?: AbortSignal } = {},
  ): Promise<HostLease> {
    const { leases, next } = this.keys(host);
    const leaseId = randomBytes(8).toString("hex");
    const interval = Math.max(this.limits.minIntervalMs, options.intervalMs ?? 0);
    const deadline = Date.now() + this.limits.maxWaitMs;
    const commands = this.redis as unknown as LimiterCommands;
    for (;;) {
      const [granted, intervalWait] = await commands.parallaxHostAcquire(
        leases,
        next,
        leaseId,
        this.limits.maxConcurrent,
        Math.round(interval),
        this.limits.leaseMs,
      );
      if (granted === 1) {
        let released = false;
        return {
          host,
          release: async () => {
            if (released) return;
            released = true;
            await this.redis.zrem(leases, leaseId);
          },
        };
      }
      // Interval waits are exact; a full host is polled (a release has no notification), with jitter so waiting
      // workers do not all ask in the same millisecond.
      const pause = intervalWait > 0 ? intervalWait : 20 + Math.random() * 60;
      if (Date.now() + pause > deadline || options.signal?.aborted) {
        // A full host frees a slot when any of its fetches ends, usually within seconds; an interval ends exactly.
        throw new HostBusyError(host, intervalWait > 0 ? Math.max(intervalWait, 250) : FULL_HOST_RETRY_MS);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /** Runs `task` holding a slot on the URL's host. */
  async withHost<T>(url: string, task: () => Promise<T>, options?: { intervalMs?: number }): Promise<T> {
    const lease = await this.acquire(hostKey(url), options);
    try {
      return await task();
    } finally {
      await lease.release().catch(() => {});
    }
  }
}
