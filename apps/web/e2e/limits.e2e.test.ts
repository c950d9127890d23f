import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../../tooling/vitest/services";
import { type RunningNext, startNext } from "./next-server";

// Uploads: 2 a minute in bursts of 4, on top of the (default) submission limit; one submission stored at a time.
// No worker runs: what is checked here is what the route handlers of the built app answer.
let next: RunningNext;

beforeAll(async () => {
  const { databaseUrl, redisUrl, prefix } = testServices();
  next = await startNext({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `${prefix}-limits`,
    RATE_LIMIT_UPLOAD_PER_MIN: "2",
    // One submission stored at a time and none waiting: a second one at the same moment is refused as busy.
    SUBMIT_CONCURRENCY: "1",
    SUBMIT_QUEUE_LIMIT: "0",
  });
});

afterAll(() => next?.stop());

const MB = 1024 * 1024;

/**
 * POSTs `text` with node:http as a client would that sends more than the server takes: `streamed` sends it in
 * pieces without a Content-Length. The client stops writing once the server has had more than it accepts (a
 * declared length needs nothing of the body to be refused) and waits for the answer, so that the answer is read
 * rather than lost to the connection the server closes behind it.
 */
function postLarge(
  path: string,
  text: string,
  { streamed }: { streamed: boolean },
): Promise<{ status: number; body: string }> {
  const bytes = Buffer.from(text);
  const sent = streamed ? 6 * MB + 512 * 1024 : 64 * 1024;
  return new Promise((resolve, reject) => {
    const request = http.request(`${next.baseUrl}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(streamed ? { "transfer-encoding": "chunked" } : { "content-length": String(bytes.length) }),
      },
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        request.destroy();
      });
    });
    request.on("error", reject);
    void (async () => {
      for (let at = 0; at < sent; at += 256 * 1024) {
        if (!request.write(bytes.subarray(at, Math.min(sent, at + 256 * 1024))))
          await new Promise((drained) => request.once("drain", drained));
      }
    })();
  });
}

const post = (path: string, init: RequestInit) =>
  fetch(`${next.baseUrl}${path}`, { method: "POST", ...init });

describe("request size limits on the built app", () => {
  const huge = JSON.stringify({ text: "word ".repeat((7 * MB) / 5) });

  it("refuses a JSON body over 6 MB on POST /api/articles with 413, declared or streamed", async () => {
    for (const streamed of [false, true]) {
      const response = await postLarge("/api/articles", huge, { streamed });
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body)).toEqual({ error: "request body is larger than 6 MB" });
    }
  });

  it("refuses pasted text over 5 MB that fits the body limit with 400 naming the field", async () => {
    const response = await post("/api/articles", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "word ".repeat((5.5 * MB) / 5) }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("text: text is larger than 5 MB");
  });

  it("refuses a tRPC body over 6 MB with 413 PAYLOAD_TOO_LARGE, declared or streamed", async () => {
    const body = JSON.stringify({ json: { text: "word ".repeat((7 * MB) / 5) } });
    for (const streamed of [false, true]) {
      const response = await postLarge("/api/trpc/article.submit", body, { streamed });
      expect(response.status).toBe(413);
      const reply = JSON.parse(response.body) as {
        error: { json: { message: string; data: { code: string } } };
      };
      expect(reply.error.json.data.code).toBe("PAYLOAD_TOO_LARGE");
      expect(reply.error.json.message).toBe("request body is larger than 6 MB");
    }
    // An ordinary mutation still goes through the capped body.
    const small = await post("/api/trpc/article.submit", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        json: { text: "The harbour reopened on Tuesday after the storm, officials said." },
      }),
    });
    expect(small.status).toBe(200);
  });

  it("caps uploads per client: 413 over 5 MB, 429 naming the upload limit after the burst", async () => {
    const upload = (name: string, body: string) =>
      post(`/api/uploads?name=${name}`, { headers: { "content-type": "text/plain" }, body });
    const large = await upload("large.txt", "word ".repeat((5.2 * MB) / 5));
    expect(large.status).toBe(413);
    expect(((await large.json()) as { error: string }).error).toBe(
      "“large.txt” is larger than 5 MB; larger files cannot be uploaded.",
    );
    const statuses: number[] = [];
    for (let n = 1; n <= 3; n++)
      statuses.push((await upload(`note-${n}.txt`, `Note ${n}: the harbour reopened on Tuesday.`)).status);
    expect(
      statuses.every((status) => status === 202 || status === 200),
      `${statuses}`,
    ).toBe(true);
    const refused = await upload("note-4.txt", "Note 4: the harbour reopened on Tuesday.");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { error: string; limit: string };
    expect(body.limit).toBe("upload");
    expect(body.error).toMatch(
      /^Too many uploaded files: the limit is 2 per minute \(bursts of 4\); try again in \d+ s\.$/,
    );
    // Pasting is a different allowance: the upload limit does not stop it.
    const pasted = await post("/api/articles", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Pasted after the uploads ran out: the harbour reopened." }),
    });
    expect([200, 202]).toContain(pasted.status);
  });

  it("stores one submission at a time and refuses those that find no turn with 503 and Retry-After", async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, async (_, n) => {
        const response = await post("/api/articles", {
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            text: `Bulletin ${n}: the harbour reopened on Tuesday, ${n} ships waited.`,
          }),
        });
        return {
          status: response.status,
          retryAfter: response.headers.get("retry-after"),
          body: (await response.json()) as { id?: string; error?: string },
        };
      }),
    );
    const stored = answers.filter((a) => a.status === 202);
    const busy = answers.filter((a) => a.status === 503);
    expect(stored.length + busy.length, JSON.stringify(answers)).toBe(30);
    expect(stored.length).toBeGreaterThan(0);
    expect(busy.length).toBeGreaterThan(0);
    for (const answer of busy) {
      expect(answer.retryAfter).toBe("1");
      expect(answer.body.error).toMatch(/busy storing other submissions; nothing was stored/);
    }
    // Each accepted one is stored, and a refused one can be sent again.
    const ids = stored.map((a) => a.body.id!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect((await fetch(`${next.baseUrl}/api/articles/${id}`)).status).toBe(200);
  });
});
