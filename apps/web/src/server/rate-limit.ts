import "server-only";
import type { Context } from "@parallax/api";
import { type RateBucket, RateLimitedError } from "@parallax/queue";
import { createContext, log } from "./context";
import { describeError } from "./errors";
import { jsonReply } from "./http";

export function tooManyRequests(error: RateLimitedError): Response {
  return Response.json(
    { error: error.message, limit: error.bucket, retryAfterSeconds: error.retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
  );
}

/**
 * Counts a request against each of `buckets` before its body is read, so a client over its limit cannot make the
 * server read megabytes first. The context it returns has the limits already spent: procedures called with it
 * do not count the request a second time.
 */
export async function limitRequest(
  request: Request,
  ...buckets: RateBucket[]
): Promise<{ ok: true; context: Context } | { ok: false; response: Response }> {
  let created: Context;
  try {
    created = await createContext(request.headers);
  } catch (error) {
    return { ok: false, response: jsonReply(describeError(error, log)) };
  }
  const { rateLimit, ...context } = created;
  for (const bucket of buckets) {
    const decision = await rateLimit?.(bucket);
    if (decision && !decision.allowed) {
      return { ok: false, response: tooManyRequests(new RateLimitedError(bucket, decision)) };
    }
  }
  return { ok: true, context };
}
