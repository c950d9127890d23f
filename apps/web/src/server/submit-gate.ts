import "server-only";
import { serverEnv } from "../env";
import { ConcurrencyGate } from "./concurrency-gate";

/**
 * Storing a submission (validating, hashing, writing, queueing) takes the web process's one thread; sixteen at
 * once made a reader's page wait behind all of them (story p95 408 ms while a 10,000-article burst was being
 * sent, 160 ms after it). A few at a time keep the submissions going at the rate the workers can take them
 * anyway, and the pages between them. On globalThis: each route is bundled separately and all share one gate.
 */
const holder = globalThis as typeof globalThis & { __parallaxSubmitGate?: ConcurrencyGate };
function gate(): ConcurrencyGate {
  if (!holder.__parallaxSubmitGate) {
    const env = serverEnv();
    holder.__parallaxSubmitGate = new ConcurrencyGate(env.SUBMIT_CONCURRENCY, env.SUBMIT_QUEUE_LIMIT);
  }
  return holder.__parallaxSubmitGate;
}

export const SUBMIT_BUSY_MESSAGE =
  "the server is busy storing other submissions; nothing was stored, send this one again in a moment";

/** `store` with a place in the gate, or 503 with Retry-After when the gate and its queue are full. */
export async function withSubmitTurn(store: () => Promise<Response>): Promise<Response> {
  const leave = await gate().enter();
  if (!leave)
    return Response.json({ error: SUBMIT_BUSY_MESSAGE }, { status: 503, headers: { "Retry-After": "1" } });
  try {
    return await store();
  } finally {
    leave();
  }
}

/** The answer to a stored submission: 202 when it is new and queued, 200 when Parallax already held it. */
export function submittedReply(
  result: { articleId: string; status: string; created: boolean },
  extra: Record<string, string> = {},
): Response {
  return Response.json(
    {
      id: result.articleId,
      status: result.status,
      created: result.created,
      url: `/articles/${result.articleId}`,
      ...extra,
    },
    { status: result.created ? 202 : 200 },
  );
}
