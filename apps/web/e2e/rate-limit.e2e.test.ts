import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../../tooling/vitest/services";
import { type RunningNext, startNext } from "./next-server";

// 2 submissions a minute with a burst of 4; 1 search a minute with a burst of 2. Every request from this test
// is one client ("direct": no proxy is trusted), whichever route it comes through.
let next: RunningNext;

beforeAll(async () => {
  const { databaseUrl, redisUrl, prefix } = testServices();
  next = await startNext({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    RATE_LIMIT_SUBMIT_PER_MIN: "2",
    RATE_LIMIT_SEARCH_PER_MIN: "1",
  });
});

afterAll(() => next?.stop());

const submit = (n: number) =>
  fetch(`${next.baseUrl}/api/articles`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: `https://rate-limit.example/${Date.now()}-${n}` }),
  });

describe("rate limits on the built app", () => {
  it("answers the submission after the burst with 429, Retry-After and the limit's name", async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 4; n++) statuses.push((await submit(n)).status);
    expect(
      statuses.every((status) => status === 202 || status === 200),
      `${statuses}`,
    ).toBe(true);

    const refused = await submit(4);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    // One submission every 30 s.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    const body = (await refused.json()) as { error: string; limit: string };
    expect(body.limit).toBe("submit");
    expect(body.error).toMatch(/Too many submissions: the limit is 2 per minute/);

    // Uploads and the tRPC mutation draw on the same allowance.
    const upload = await fetch(`${next.baseUrl}/api/uploads?name=note.txt`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "A short note.",
    });
    expect(upload.status).toBe(429);
    expect(upload.headers.get("retry-after")).toMatch(/^\d+$/);
    const trpc = await fetch(`${next.baseUrl}/api/trpc/article.submit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { url: "https://rate-limit.example/trpc" } }),
    });
    expect(trpc.status).toBe(429);
    expect(trpc.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await trpc.text()).toContain("Too many submissions");
  });

  it("shows a message with when to retry on /search once searches run out, not an error page", async () => {
    const pages: { status: number; html: string }[] = [];
    for (let n = 0; n < 3; n++) {
      const response = await fetch(`${next.baseUrl}/search?q=limit${n}`);
      pages.push({ status: response.status, html: await response.text() });
    }
    expect(pages.map((page) => page.status)).toEqual([200, 200, 200]);
    expect(pages[1]?.html).not.toContain("Too many searches");
    expect(pages[2]?.html).toMatch(
      /Too many searches: the limit is 1 per minute \(bursts of 2\); try again in \d+ s\./,
    );
  });
});
