const MINUTE = 60_000;
/** No feed is polled more often than this, whatever its headers say. */
export const MIN_POLL_MS = MINUTE;
/** Nor less often than this, however long it has failed: it may come back. */
export const MAX_POLL_MS = 24 * 60 * MINUTE;

export interface PollTiming {
  /** The feed's own interval. */
  intervalMinutes: number;
  /** RSS `<ttl>` of the last good response. */
  ttlMinutes?: number | null;
  cacheControl?: string | null;
  retryAfter?: string | null;
  /** Failures in a row, counting the poll just made. */
  consecutiveFailures: number;
  now?: Date;
}

/**
 * Milliseconds until the next poll. The longest of the feed's interval, its `ttl`, its `Cache-Control: max-age`
 * and any `Retry-After` wins — the publisher asked us to wait that long. Each failure in a row doubles the
 * interval (15 min, 30 min, 1 h, …), capped at a day.
 */
export function nextPollDelay(timing: PollTiming): number {
  const now = timing.now ?? new Date();
  let delay = Math.max(timing.intervalMinutes, 1) * MINUTE;
  if (timing.ttlMinutes && timing.ttlMinutes > 0) delay = Math.max(delay, timing.ttlMinutes * MINUTE);
  const maxAge = maxAgeSeconds(timing.cacheControl);
  if (maxAge !== null) delay = Math.max(delay, maxAge * 1000);
  if (timing.consecutiveFailures > 0) delay *= 2 ** Math.min(timing.consecutiveFailures, 20);
  const retry = retryAfterMs(timing.retryAfter, now);
  if (retry !== null) delay = Math.max(delay, retry);
  return Math.min(Math.max(Math.round(delay), MIN_POLL_MS), MAX_POLL_MS);
}

/** `max-age` of a Cache-Control header; `no-cache`/`no-store` say nothing about polling, so they are ignored. */
export function maxAgeSeconds(header: string | null | undefined): number | null {
  if (!header) return null;
  const match = /(?:^|[,\s])(?:s-maxage|max-age)\s*=\s*"?(\d{1,10})"?/i.exec(header);
  return match ? Number(match[1]) : null;
}

/** `Retry-After` as seconds or an HTTP date. */
export function retryAfterMs(header: string | null | undefined, now: Date = new Date()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}
