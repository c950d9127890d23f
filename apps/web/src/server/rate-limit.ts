import "server-only";
import { type Context, canSubmit, DEFAULT_ACCESS, type Viewer } from "@parallax/api";
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

/** 401 for a submission without the token SUBMIT_ACCESS=token asks for, saying how to send one. */
export function submitRefused(viewer: Viewer): Response {
  const why = viewer.kind === "anonymous" && viewer.refused ? ` (${viewer.refused})` : "";
  return Response.json(
    {
      error: `submitting needs an API token (Authorization: Bearer pxt_…) or a signed-in administrator${why}`,
    },
    { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="parallax"' } },
  );
}

/**
 * Checks that the caller may submit (SUBMIT_ACCESS), then counts a request against each of `buckets` before its
 * body is read, so a client over its limit cannot make the server read megabytes first. The context it returns
 * has the limits already spent: procedures called with it
 * do not count the request a second time.
 */
export async function limitRequest(
  request: Request,
  ...buckets: RateBucket[]
): Promise<{ ok: true; context: Context } | { ok: false; response: Response }> {
  let created: Awaited<ReturnType<typeof createContext>>;
  try {
    created = await createContext(request.headers, request.method);
  } catch (error) {
    return { ok: false, response: jsonReply(describeError(error, log)) };
  }
  const { rateLimit, ...context } = created;
  // Who may submit is decided before anything is counted or read.
  if (buckets.includes("submit") && !canSubmit(created.viewer, created.access ?? DEFAULT_ACCESS)) {
    return { ok: false, response: submitRefused(created.viewer) };
  }
  for (const bucket of buckets) {
    const decision = await rateLimit?.(bucket);
    if (decision && !decision.allowed) {
      return { ok: false, response: tooManyRequests(new RateLimitedError(bucket, decision)) };
    }
  }
  return { ok: true, context };
}
