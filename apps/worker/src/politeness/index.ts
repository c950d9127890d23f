import type { FetchGuard } from "@parallax/net";
import type { RedisConnection } from "@parallax/queue";
import { type HostLease, type HostLimits, HostLimiter, hostKey } from "./host-limiter";
import { RobotsCache } from "./robots";
import { DEFAULT_USER_AGENT, ROBOTS_TOKEN } from "./user-agent";

export {
  DEFAULT_HOST_LIMITS,
  HostBusyError,
  type HostLease,
  type HostLimits,
  HostLimiter,
  hostKey,
} from "./host-limiter";
export { ROBOTS_MAX_BYTES, RobotsCache, type RobotsEntry, type RobotsVerdict } from "./robots";
export { buildUserAgent, DEFAULT_USER_AGENT, PARALLAX_VERSION, ROBOTS_TOKEN } from "./user-agent";

export interface PolitenessConfig extends Partial<HostLimits> {
  userAgent?: string;
  /** Deadline for one robots.txt fetch, redirects included. */
  robotsTimeoutMs?: number;
  /** Which addresses robots.txt may be fetched from; the public internet only without it. */
  guard?: FetchGuard;
}

/** robots.txt said no (permanent), or could not be read (try again later). */
export class PolitenessError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "PolitenessError";
  }
}

/**
 * Everything a fetch of someone else's site must do first: ask robots.txt, then take a slot of the host's limit.
 * One per worker process; page and feed fetches share it, so they share each host's limit.
 */
export class Politeness {
  readonly userAgent: string;
  readonly limiter: HostLimiter;
  readonly robots: RobotsCache;

  constructor(redis: RedisConnection, prefix: string, config: PolitenessConfig = {}) {
    const { userAgent, robotsTimeoutMs, guard, ...limits } = config;
    this.userAgent = userAgent ?? DEFAULT_USER_AGENT;
    this.limiter = new HostLimiter(redis, prefix, limits);
    this.robots = new RobotsCache(redis, prefix, this.limiter, {
      userAgent: this.userAgent,
      timeoutMs: robotsTimeoutMs ?? 10_000,
      ...(guard ? { guard } : {}),
    });
  }

  /**
   * Resolves with a held slot when `url` may be fetched now; the caller releases it once the response body is read.
   * Throws `PolitenessError` when robots.txt forbids or cannot be read, `HostBusyError` when no slot came free.
   */
  async admit(url: string, signal?: AbortSignal): Promise<HostLease> {
    const verdict = await this.robots.verdict(url);
    const host = hostKey(url);
    if (!verdict.allowed) {
      if (verdict.reason === "disallowed")
        throw new PolitenessError(
          `robots.txt of ${host} disallows ${verdict.detail} for ${ROBOTS_TOKEN}`,
          true,
        );
      throw new PolitenessError(
        `robots.txt of ${host} could not be read (${verdict.detail}), so its pages are not fetched yet`,
        false,
      );
    }
    return this.limiter.acquire(host, { intervalMs: verdict.crawlDelayMs ?? undefined, signal });
  }
}
