import type { IncomingHttpHeaders } from "node:http";
import { ACCEPT_ENCODING, readBody } from "./body";
import { defaultFetchGuard, type FetchGuard } from "./guard";

export interface FetchBytesOptions {
  /** The public internet only, unless given a guard with an allow-list. */
  guard?: FetchGuard;
  /** Cap on the body, received and decompressed. */
  maxBytes: number;
  /** For the whole chain of redirects and the body. */
  timeoutMs: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
}

export interface FetchedBytes {
  /** Where the last redirect led. */
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  contentType: string | null;
  /** The decoded body of a 2xx answer; empty otherwise (an error page is not worth reading). */
  bytes: Buffer;
}

export class TooManyRedirectsError extends Error {
  override name = "TooManyRedirectsError";
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A GET that follows redirects, each hop checked by the guard (scheme, then every address the name resolves to,
 * at connection time), with one deadline and a capped, decompressed body. For callers without per-hop work of
 * their own — the worker's page and feed fetches keep their own loop to ask robots.txt before each hop.
 */
export async function fetchBytes(startUrl: string, options: FetchBytesOptions): Promise<FetchedBytes> {
  const guard = options.guard ?? defaultFetchGuard();
  const maxRedirects = options.maxRedirects ?? 5;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = guard.checkUrl(startUrl).href;
  for (let hop = 0; ; hop++) {
    const { statusCode, headers, body } = await guard.request(url, {
      method: "GET",
      signal,
      headers: { "accept-encoding": ACCEPT_ENCODING, ...options.headers },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const location = first(headers.location);
    if (REDIRECTS.has(statusCode) && location) {
      await body.dump().catch(() => {});
      if (hop >= maxRedirects) throw new TooManyRedirectsError(`too many redirects (over ${maxRedirects})`);
      try {
        url = new URL(location, url).href;
      } catch {
        throw new Error(`${url} redirected to an invalid address`);
      }
      continue;
    }
    const contentType = first(headers["content-type"]);
    if (statusCode < 200 || statusCode >= 300) {
      await body.dump().catch(() => {});
      return { url, status: statusCode, headers, contentType, bytes: Buffer.alloc(0) };
    }
    const bytes = await readBody(body, {
      maxBytes: options.maxBytes,
      contentEncoding: headers["content-encoding"],
      url,
    });
    return { url, status: statusCode, headers, contentType, bytes };
  }
}

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
