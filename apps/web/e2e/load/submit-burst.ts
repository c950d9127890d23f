/** What one `POST /api/articles` answered. */
export type SubmitOutcome =
  | { kind: "accepted"; status: number; id: string; client: string }
  | { kind: "refused"; status: 429 | 503; retryAfter: string | null; client: string }
  | { kind: "unexpected"; status: number; detail: string; client: string };

export interface BurstRequest {
  /** The address the trusted proxy would have seen (X-Forwarded-For). */
  client: string;
  body: string;
}

async function submitOne(baseUrl: string, request: BurstRequest): Promise<SubmitOutcome> {
  const { client } = request;
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/articles`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": client },
      body: request.body,
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    return { kind: "unexpected", status: 0, detail: String(error), client };
  }
  const text = await response.text().catch((error: unknown) => `(body unreadable: ${String(error)})`);
  if (response.status === 429 || response.status === 503)
    return {
      kind: "refused",
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      client,
    };
  if (response.status === 200 || response.status === 202) {
    try {
      const reply = JSON.parse(text) as { id?: unknown };
      if (typeof reply.id === "string")
        return { kind: "accepted", status: response.status, id: reply.id, client };
    } catch {
      // reported below
    }
  }
  return { kind: "unexpected", status: response.status, detail: text.slice(0, 300), client };
}

/** Sends every request, `concurrency` at a time, in order; returns one outcome per request, in the same order. */
export async function submitBurst(
  baseUrl: string,
  requests: BurstRequest[],
  concurrency: number,
): Promise<SubmitOutcome[]> {
  const outcomes: SubmitOutcome[] = new Array(requests.length);
  let next = 0;
  const lane = async () => {
    while (next < requests.length) {
      const i = next++;
      outcomes[i] = await submitOne(baseUrl, requests[i]!);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return outcomes;
}
