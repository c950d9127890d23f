import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../../tooling/vitest/services";
import { createRedis, type RedisConnection } from "./connection";
import { RateLimitedError, RateLimiter, type RateLimits } from "./rate-limit";

const { redisUrl, prefix } = testServices();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 5 per second with a burst of 5: 300 per minute, one token every 200 ms. */
const small: RateLimits = {
  submit: { perMinute: 300, burst: 5 },
  search: { perMinute: 0, burst: 1 },
  signin: { perMinute: 0, burst: 1 },
};

async function takeMany(limiter: RateLimiter, client: string, count: number) {
  const decisions = [];
  for (let i = 0; i < count; i++) decisions.push(await limiter.take("submit", client));
  return decisions;
}

describe("RateLimiter on real Redis", () => {
  let first: RedisConnection;
  let second: RedisConnection;
  beforeAll(async () => {
    first = createRedis(redisUrl, "producer");
    second = createRedis(redisUrl, "producer");
    // Producer connections refuse commands until they are ready.
    await Promise.all([first, second].map((redis) => new Promise((resolve) => redis.once("ready", resolve))));
  });
  afterAll(async () => {
    const keys = await first.keys(`${prefix}:rl:*`);
    if (keys.length > 0) await first.del(...keys);
    first.disconnect();
    second.disconnect();
  });

  it("allows exactly the burst, then refuses with the time until the next token", async () => {
    const limiter = new RateLimiter(first, prefix, small);
    const decisions = await takeMany(limiter, "burst-client", 6);
    expect(decisions.slice(0, 5).map((d) => d.allowed)).toEqual([true, true, true, true, true]);
    expect(decisions.slice(0, 5).map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0]);
    const refused = decisions[5];
    expect(refused?.allowed).toBe(false);
    // One token every 200 ms; a few ms have passed since the burst began.
    expect(refused?.retryAfterMs).toBeGreaterThan(100);
    expect(refused?.retryAfterMs).toBeLessThanOrEqual(200);
    const error = new RateLimitedError("submit", refused ?? decisions[0]!);
    expect(error.retryAfterSeconds).toBe(1);
    expect(error.message).toMatch(/Too many submissions: the limit is 300 per minute/);
  });

  it("refills over time at the sustained rate", async () => {
    const limiter = new RateLimiter(first, prefix, small);
    await takeMany(limiter, "refill-client", 5);
    expect((await limiter.take("submit", "refill-client")).allowed).toBe(false);
    await sleep(450);
    // Two tokens back after 400 ms (minus the refused request, which costs nothing).
    const after = await takeMany(limiter, "refill-client", 3);
    expect(after.map((d) => d.allowed)).toEqual([true, true, false]);
    await sleep(1_100);
    expect((await takeMany(limiter, "refill-client", 6)).filter((d) => d.allowed)).toHaveLength(5);
  });

  it("shares one count between limiters on separate connections (two web processes)", async () => {
    const a = new RateLimiter(first, prefix, small);
    const b = new RateLimiter(second, prefix, small);
    const results = [];
    for (let i = 0; i < 6; i++) results.push((await (i % 2 === 0 ? a : b).take("submit", "shared")).allowed);
    expect(results).toEqual([true, true, true, true, true, false]);
  });

  it("counts each client on its own", async () => {
    const limiter = new RateLimiter(first, prefix, small);
    await takeMany(limiter, "noisy", 6);
    expect((await limiter.take("submit", "noisy")).allowed).toBe(false);
    expect((await limiter.take("submit", "quiet")).allowed).toBe(true);
  });

  it("never limits a bucket whose rate is 0", async () => {
    const limiter = new RateLimiter(first, prefix, small);
    const decisions = [];
    for (let i = 0; i < 50; i++) decisions.push(await limiter.take("search", "searcher"));
    expect(decisions.every((d) => d.allowed)).toBe(true);
    expect(await first.keys(`${prefix}:rl:{search:*`)).toEqual([]);
  });

  it("leaves a key that expires once the bucket would be full again", async () => {
    const limiter = new RateLimiter(first, prefix, small);
    await takeMany(limiter, "expiring", 3);
    const ttl = await first.pttl(limiter.key("submit", "expiring"));
    expect(ttl).toBeGreaterThan(400);
    expect(ttl).toBeLessThanOrEqual(600);
  });

  it("lets requests through and logs once when Redis cannot be reached", async () => {
    // Nothing listens on port 1: every command fails at once, as on a web process whose Redis is down.
    const away = createRedis("redis://127.0.0.1:1", "producer");
    const lines: string[] = [];
    const limiter = new RateLimiter(away, prefix, small, { log: (line) => lines.push(line) });
    try {
      const decisions = await takeMany(limiter, "anyone", 8);
      expect(decisions.every((d) => d.allowed)).toBe(true);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/rate limits are not enforced/);
    } finally {
      away.disconnect();
    }
  });
});
