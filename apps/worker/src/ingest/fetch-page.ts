import { ACCEPT_ENCODING, defaultFetchGuard, type FetchGuard, readBody, refusalOf } from "@parallax/net";
import { describeNetworkError } from "./network-error";
import { type HostLease, type Politeness, PolitenessError } from "../politeness";
import { DEFAULT_USER_AGENT } from "../politeness/user-agent";

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /**
   * robots.txt and the per-host limit, asked before every hop of a redirect chain. Without it (tools, unit use)
   * pages are fetched straight away.
   */
  politeness?: Politeness;
  /** Which addresses may be reached (FETCH_ALLOW_HOSTS); the public internet only without it. */
  guard?: FetchGuard;
}

export interface FetchedPage {
  /** Where the last redirect led. */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Buffer;
}

/** A fetch failure; `permanent` ones (404, wrong content type) are not worth retrying. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

const ACCEPTED_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain)\b/i;

/**
 * GET with a hard deadline, a byte cap (decompressed too), a redirect cap and a content-type check. Each hop's
 * address is checked before robots.txt and the host limiter are asked, and again when the connection is made.
 */
export async function fetchPage(startUrl: string, limits: FetchLimits): Promise<FetchedPage> {
  const guard = limits.guard ?? defaultFetchGuard();
  // The deadline starts once the first hop is admitted: time spent waiting for a busy host is bounded on its own
  // (HostLimits.maxWaitMs) and must not eat into the time the site has to answer.
  let deadline: AbortSignal | undefined;
  let url = startUrl;
  for (let hop = 0; ; hop++) {
    await checkAddress(guard, url);
    const lease = await admit(limits.politeness, url, deadline);
    deadline ??= AbortSignal.timeout(limits.timeoutMs);
    const signal = deadline;
    try {
      let response: Awaited<ReturnType<FetchGuard["request"]>>;
      try {
        response = await guard.request(url, {
          method: "GET",
          signal,
          headers: {
            "user-agent": limits.politeness?.userAgent ?? DEFAULT_USER_AGENT,
            accept: "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1",
            "accept-encoding": ACCEPT_ENCODING,
          },
          headersTimeout: limits.timeoutMs,
          bodyTimeout: limits.timeoutMs,
        });
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal) throw new FetchError(refusal.message, true);
        const reason = signal.aborted
          ? `timed out after ${limits.timeoutMs} ms`
          : describeNetworkError(error);
        throw new FetchError(`could not fetch ${url}: ${reason}`, false);
      }
      const { statusCode, headers, body } = response;
      const location = headers.location;
      if (statusCode >= 300 && statusCode < 400 && location) {
        await body.dump();
        if (hop >= limits.maxRedirects)
          throw new FetchError(`too many redirects (over ${limits.maxRedirects})`, true);
        url = new URL(String(location), url).toString();
        continue;
      }
      if (statusCode >= 400) {
        await body.dump();
        const permanent = statusCode !== 408 && statusCode !== 429 && statusCode < 500;
        throw new FetchError(`${url} answered HTTP ${statusCode}`, permanent);
      }
      const contentType = headerValue(headers["content-type"]);
      if (contentType && !ACCEPTED_TYPES.test(contentType)) {
        await body.dump();
        throw new FetchError(`unsupported content (${contentType.split(";")[0]!.trim()}) at ${url}`, true);
      }
      const declared = Number(headerValue(headers["content-length"]) ?? Number.NaN);
      if (declared > limits.maxBytes) {
        await body.dump();
        throw new FetchError(`too large: ${url} is ${declared} bytes (limit ${limits.maxBytes})`, true);
      }
      try {
        const bytes = await readBody(body, {
          maxBytes: limits.maxBytes,
          contentEncoding: headers["content-encoding"],
          url,
        });
        return { url, status: statusCode, contentType, bytes };
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal) throw new FetchError(refusal.message, true);
        throw new FetchError(
          `could not read ${url}: ${signal.aborted ? "timed out" : describeNetworkError(error)}`,
          false,
        );
      }
    } finally {
      // A lease that cannot be released (Redis away) expires by itself.
      await lease?.release().catch(() => {});
    }
  }
}

/**
 * Refuses an address Parallax must not reach (a permanent failure: no retry changes where a URL points) before
 * robots.txt or the host limiter are asked; a name that does not resolve is left to the request to report.
 */
async function checkAddress(guard: FetchGuard, url: string): Promise<void> {
  try {
    await guard.check(url);
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) throw new FetchError(refusal.message, true);
  }
}

/** The slot for this hop, or null without politeness; robots.txt refusals become FetchErrors. */
async function admit(
  politeness: Politeness | undefined,
  url: string,
  signal?: AbortSignal,
): Promise<HostLease | null> {
  if (!politeness) return null;
  try {
    return await politeness.admit(url, signal);
  } catch (error) {
    if (error instanceof PolitenessError) throw new FetchError(error.message, error.permanent);
    throw error;
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}
