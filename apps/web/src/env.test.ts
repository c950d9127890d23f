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
      /DATABASE_URL is not set; REDIS_URL must be a redis:\/\/, rediss:\/\/ or redis\+cluster:\/\/\S+ URL; QUEUE_PREFIX may contain only/,
    );
  });

  it("reads FETCH_ALLOW_HOSTS and names an entry it cannot read", () => {
    const base = { DATABASE_URL: "postgres://u@db/parallax", REDIS_URL: "redis://cache:6379" };
    expect(parseEnv(base).FETCH_ALLOW_HOSTS).toEqual({ hosts: [], networks: [] });
    expect(parseEnv({ ...base, FETCH_ALLOW_HOSTS: "localhost,10.0.0.0/8" }).FETCH_ALLOW_HOSTS.hosts).toEqual([
      "localhost",
    ]);
    expect(() => parseEnv({ ...base, FETCH_ALLOW_HOSTS: "127.0.0.1,10.0.0.0/40" })).toThrowError(
      'web configuration: FETCH_ALLOW_HOSTS has "10.0.0.0/40" is not a CIDR network such as 10.0.0.0/8',
    );
  });
});

describe("access settings", () => {
  const base = { DATABASE_URL: "postgres://u@db/parallax", REDIS_URL: "redis://cache:6379" };

  it("reads publicly and submits openly unless told otherwise", () => {
    expect(parseEnv(base)).toMatchObject({ PUBLIC_READ: true, SUBMIT_ACCESS: "open" });
    expect(parseEnv({ ...base, PUBLIC_READ: "", SUBMIT_ACCESS: "" })).toMatchObject({
      PUBLIC_READ: true,
      SUBMIT_ACCESS: "open",
    });
    expect(parseEnv({ ...base, PUBLIC_READ: "false", SUBMIT_ACCESS: "token" })).toMatchObject({
      PUBLIC_READ: false,
      SUBMIT_ACCESS: "token",
    });
    expect(parseEnv({ ...base, PUBLIC_READ: "0" }).PUBLIC_READ).toBe(false);
  });

  it("names a setting it cannot read rather than guessing", () => {
    expect(() => parseEnv({ ...base, PUBLIC_READ: "no" })).toThrowError(/PUBLIC_READ must be true or false/);
    expect(() => parseEnv({ ...base, SUBMIT_ACCESS: "admins" })).toThrowError(
      /SUBMIT_ACCESS must be open or token/,
    );
  });

  it("takes how many submissions are stored at once and may wait, refusing no turn at all", () => {
    expect(parseEnv(base)).toMatchObject({ SUBMIT_CONCURRENCY: 4, SUBMIT_QUEUE_LIMIT: 64 });
    expect(parseEnv({ ...base, SUBMIT_CONCURRENCY: "2", SUBMIT_QUEUE_LIMIT: "0" })).toMatchObject({
      SUBMIT_CONCURRENCY: 2,
      SUBMIT_QUEUE_LIMIT: 0,
    });
    expect(() => parseEnv({ ...base, SUBMIT_CONCURRENCY: "0" })).toThrowError(
      /SUBMIT_CONCURRENCY must be 1 or more/,
    );
  });
});
