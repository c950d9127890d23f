import { ACCEPT_ENCODING, defaultFetchGuard, type FetchGuard, readBody, refusalOf } from "@parallax/net";
import type { RedisConnection } from "@parallax/queue";
import robotsParser from "robots-parser";
import { describeNetworkError } from "../ingest/network-error";
import { type HostLimiter, hostKey } from "./host-limiter";
import { ROBOTS_TOKEN } from "./user-agent";

/** RFC 9309 §2.5: crawlers must parse at least the first 500 KiB; we read that much and ignore the rest. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
/** RFC 9309 §2.3.1.2: follow at least five consecutive redirects. */
const ROBOTS_MAX_REDIRECTS = 5;
/** RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours. */
const FRESH_TTL_S = 24 * 3600;
/** How long an unreachable robots.txt holds fetches off that site before it is asked again: short, because the
 * fetches it holds off use up their retries meanwhile. */
const UNREACHABLE_TTL_S = 30;
/** A Crawl-delay above this is taken as this: a site asking for an hour between pages would never be read. */
const MAX_CRAWL_DELAY_MS = 60_000;

/**
 * What robots.txt says about a site (one scheme, host and port — RFC 9309 §2.3):
 * - `rules`: a 2xx answer, parsed; anything unparseable (binary, HTML) simply matches no rule, so allows.
 * - `allow-all`: 4xx other than 429 ("unavailable", §2.3.1.3), or more than five redirects.
 * - `unreachable`: 5xx, 429, network error or timeout (§2.3.1.4): we must assume complete disallow, which we
 *   do with a retryable error (the job retries; the article fails only when its retries run out) and ask again after 30 s.
 */
export type RobotsEntry =
  | { kind: "rules"; body: string }
  | { kind: "allow-all"; reason: string }
  | { kind: "unreachable"; reason: string };

export type RobotsVerdict =
  | { allowed: true; crawlDelayMs: number | null }
  | { allowed: false; reason: "disallowed" | "unreachable"; detail: string };

export interface RobotsOptions {
  userAgent: string;
  timeoutMs: number;
  /** Which addresses may be reached; the public internet only without it. */
  guard?: FetchGuard;
}

/** robots.txt per site, fetched through the host limiter, cached in Redis for every worker process. */
export class RobotsCache {
  private readonly parsed = new Map<string, { body: string; robot: ReturnType<typeof robotsParser> }>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    private readonly limiter: HostLimiter,
    private readonly options: RobotsOptions,
  ) {}

  private key(origin: string) {
    return `${this.prefix}:robots:{${hostKey(origin)}}:${origin}`;
  }

  async verdict(pageUrl: string): Promise<RobotsVerdict> {
    const url = new URL(pageUrl);
    const entry = await this.entry(url.origin);
    if (entry.kind === "allow-all") return { allowed: true, crawlDelayMs: null };
    if (entry.kind === "unreachable") return { allowed: false, reason: "unreachable", detail: entry.reason };
    const robot = this.parse(url.origin, entry.body);
    // robots-parser answers undefined for a URL of another origin; ours never is.
    if (robot.isAllowed(url.href, ROBOTS_TOKEN) === false) {
      return { allowed: false, reason: "disallowed", detail: `${url.pathname}${url.search}` };
    }
    const delay = robot.getCrawlDelay(ROBOTS_TOKEN);
    const crawlDelayMs =
      typeof delay === "number" && Number.isFinite(delay) && delay > 0
        ? Math.min(delay * 1000, MAX_CRAWL_DELAY_MS)
        : null;
    return { allowed: true, crawlDelayMs };
  }

  private parse(origin: string, body: string) {
    const cached = this.parsed.get(origin);
    if (cached?.body === body) return cached.robot;
    const robot = robotsParser(`${origin}/robots.txt`, body);
    if (this.parsed.size > 1_000) this.parsed.clear();
    this.parsed.set(origin, { body, robot });
    return robot;
  }

  /**
   * The cached entry, or a fresh fetch. One process fetches while the others wait on a Redis lock, so a burst of
   * jobs for a new site asks for its robots.txt once, not once per worker.
   */
  private async entry(origin: string): Promise<RobotsEntry> {
    const key = this.key(origin);
    const lockKey = `${key}:lock`;
    const lockMs = this.options.timeoutMs + this.limiter.limits.maxWaitMs + 5_000;
    const deadline = Date.now() + lockMs;
    for (;;) {
      const cached = await this.redis.get(key);
      if (cached) {
        const entry = decode(cached);
        if (entry) return entry;
      }
      const locked = await this.redis.set(lockKey, "1", "PX", lockMs, "NX");
      if (locked === "OK" || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    try {
      const entry = await this.fetchEntry(origin);
      const ttl = entry.kind === "unreachable" ? UNREACHABLE_TTL_S : FRESH_TTL_S;
      await this.redis.set(key, JSON.stringify(entry), "EX", ttl);
      return entry;
    } finally {
      await this.redis.del(lockKey).catch(() => {});
    }
  }

  private async fetchEntry(origin: string): Promise<RobotsEntry> {
    let url = `${origin}/robots.txt`;
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    for (let hop = 0; hop <= ROBOTS_MAX_REDIRECTS; hop++) {
      try {
        const outcome = await this.limiter.withHost(url, () => this.fetchOnce(url, signal));
        if (outcome.kind !== "redirect") return outcome;
        url = outcome.location;
      } catch (error) {
        if (error instanceof Error && error.name === "HostBusyError") throw error;
        // A robots.txt that redirects somewhere Parallax may not go, or cannot be decoded, is as good as none
        // (RFC 9309 §2.3.1.3 "unavailable"): each page is still checked on its own before it is fetched.
        const refusal = refusalOf(error);
        if (refusal) return { kind: "allow-all", reason: refusal.message };
        const reason = signal.aborted
          ? `timed out after ${this.options.timeoutMs} ms`
          : describeNetworkError(error);
        return { kind: "unreachable", reason };
      }
    }
    return { kind: "allow-all", reason: `more than ${ROBOTS_MAX_REDIRECTS} redirects` };
  }

  private async fetchOnce(
    url: string,
    signal: AbortSignal,
  ): Promise<RobotsEntry | { kind: "redirect"; location: string }> {
    const guard = this.options.guard ?? defaultFetchGuard();
    const { statusCode, headers, body } = await guard.request(url, {
      method: "GET",
      signal,
      headers: {
        "user-agent": this.options.userAgent,
        accept: "text/plain,*/*;q=0.5",
        "accept-encoding": ACCEPT_ENCODING,
      },
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
    });
    const location = Array.isArray(headers.location) ? headers.location[0] : headers.location;
    if (statusCode >= 300 && statusCode < 400 && location) {
      await body.dump();
      return { kind: "redirect", location: new URL(location, url).toString() };
    }
    if (statusCode === 429 || statusCode >= 500) {
      await body.dump();
      return { kind: "unreachable", reason: `HTTP ${statusCode}` };
    }
    if (statusCode >= 300) {
      await body.dump();
      return { kind: "allow-all", reason: `HTTP ${statusCode}` };
    }
    // Past the first 500 KiB (decoded) the body is left unread: the rest of a huge file is never downloaded.
    const bytes = await readBody(body, {
      maxBytes: ROBOTS_MAX_BYTES,
      contentEncoding: headers["content-encoding"],
      url,
      truncate: true,
    });
    return { kind: "rules", body: bytes.toString("utf8") };
  }
}

function decode(text: string): RobotsEntry | null {
  try {
    const value = JSON.parse(text) as RobotsEntry;
    return value && typeof value === "object" && "kind" in value ? value : null;
  } catch {
    return null;
  }
}
