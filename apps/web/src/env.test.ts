import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults the queue prefix to parallax", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://u@db/parallax", REDIS_URL: "redis://cache:6379" });
    expect(env.QUEUE_PREFIX).toBe("parallax");
  });

  it("names every missing or malformed variable in one message", () => {
    expect(() => parseEnv({ REDIS_URL: "http://cache" })).toThrowError(ConfigError);
    expect(() => parseEnv({ REDIS_URL: "http://cache", QUEUE_PREFIX: "a:b" })).toThrowError(
      /DATABASE_URL is not set; REDIS_URL must be a redis:\/\/ URL; QUEUE_PREFIX may contain only/,
    );
  });
});
