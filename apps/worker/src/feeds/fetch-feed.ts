import { ACCEPT_ENCODING, defaultFetchGuard, type FetchGuard, readBody, refusalOf } from "@parallax/net";
import type { FetchLimits } from "../ingest/fetch-page";
import { type HostLease, HostBusyError, PolitenessError } from "../politeness";
import { DEFAULT_USER_AGENT } from "../politeness/user-agent";

export type FeedResponse =
  | {
      status: "modified";
      url: string;
      bytes: Buffer;
      etag: string | null;
      lastModified: string | null;
      cacheControl: string | null;
    }
  | { status: "not-modified"; cacheControl: string | null }
  | { status: "failed"; error: string; retryAfter: string | null };

const ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/**
 * A conditional GET (If-None-Match / If-Modified-Since) with a deadline, a byte cap and a redirect cap, each hop
 * asking robots.txt and taking a slot of the host's limit like page fetches do (`limits.politeness`), after the
 * guard has checked its address. Never throws: every failure comes back as words for the feed's `last_error`.
 */
export async function fetchFeed(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  limits: FetchLimits,
): Promise<FeedResponse> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const guard = limits.guard ?? defaultFetchGuard();
  let current = url;
  for (let hop = 0; ; hop++) {
    let lease: HostLease | null = null;
    try {
      await guard.check(current);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return failed(refusal.message);
    }
    try {
      lease = limits.politeness ? await limits.politeness.admit(current, signal) : null;
    } catch (error) {
      if (error instanceof PolitenessError || error instanceof HostBusyError)
        return failed(error.message, error instanceof HostBusyError ? "60" : null);
      throw error;
    }
    try {
      const outcome = await fetchHop(current, validators, limits, guard, signal);
      if (outcome.status !== "redirect") return outcome;
      if (hop >= limits.maxRedirects)
        return failed(`too many redirects (over ${limits.maxRedirects}) from ${url}`);
      current = outcome.location;
    } finally {
      await lease?.release().catch(() => {});
    }
  }
}

/** One request; a redirect comes back as the next address, to be asked of robots.txt and the limiter again. */
async function fetchHop(
  current: string,
  validators: { etag: string | null; lastModified: string | null },
  limits: FetchLimits,
  guard: FetchGuard,
  signal: AbortSignal,
): Promise<FeedResponse | { status: "redirect"; location: string }> {
  {
    let response: Awaited<ReturnType<FetchGuard["request"]>>;
    try {
      response = await guard.request(current, {
        method: "GET",
        signal,
        headers: {
          "user-agent": limits.politeness?.userAgent ?? DEFAULT_USER_AGENT,
          accept: ACCEPT,
          "accept-encoding": ACCEPT_ENCODING,
          ...(validators.etag ? { "if-none-match": validators.etag } : {}),
          ...(validators.lastModified ? { "if-modified-since": validators.lastModified } : {}),
        },
        headersTimeout: limits.timeoutMs,
        bodyTimeout: limits.timeoutMs,
      });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return failed(refusal.message);
      return failed(
        `could not fetch ${current}: ${signal.aborted ? `timed out after ${limits.timeoutMs} ms` : describe(error)}`,
      );
    }
    const { statusCode, headers, body } = response;
    const header = (name: string) => {
      const value = headers[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    };
    if (statusCode >= 300 && statusCode < 400 && statusCode !== 304 && header("location")) {
      await body.dump().catch(() => {});
      try {
        return { status: "redirect", location: new URL(String(header("location")), current).toString() };
      } catch {
        return failed(`${current} redirected to an invalid address`);
      }
    }
    if (statusCode === 304) {
      await body.dump().catch(() => {});
      return { status: "not-modified", cacheControl: header("cache-control") };
    }
    if (statusCode >= 400 || statusCode < 200 || statusCode >= 300) {
      await body.dump().catch(() => {});
      return failed(`${current} answered HTTP ${statusCode}`, header("retry-after"));
    }
    const declared = Number(header("content-length") ?? Number.NaN);
    if (declared > limits.maxBytes) {
      await body.dump().catch(() => {});
      return failed(`the feed is too large: ${declared} bytes (limit ${limits.maxBytes})`);
    }
    try {
      const bytes = await readBody(body, {
        maxBytes: limits.maxBytes,
        contentEncoding: headers["content-encoding"],
        url: current,
      });
      return {
        status: "modified",
        url: current,
        bytes,
        etag: header("etag"),
        lastModified: header("last-modified"),
        cacheControl: header("cache-control"),
      };
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return failed(refusal.message);
      return failed(`could not read ${current}: ${signal.aborted ? "timed out" : describe(error)}`);
    }
  }
}

function failed(error: string, retryAfter: string | null = null): FeedResponse {
  return { status: "failed", error, retryAfter };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND") return "host not found";
  if (code === "ECONNRESET") return "connection reset";
  return error.message;
}
