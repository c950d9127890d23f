import { describe, expect, it } from "vitest";
import { isClusterUrl, parseClusterUrl, queueKeyPrefix, zRedisUrl } from "./connection";

describe("Redis URLs", () => {
  it("reads the seed nodes and credentials of a cluster URL", () => {
    expect(parseClusterUrl("redis+cluster://app:s%3Acret@10.0.0.1:7000,10.0.0.2,[::1]:7002/")).toEqual({
      nodes: [
        { host: "10.0.0.1", port: 7000 },
        { host: "10.0.0.2", port: 6379 },
        { host: "::1", port: 7002 },
      ],
      username: "app",
      password: "s:cret",
      tls: false,
    });
    expect(parseClusterUrl("rediss+cluster://cache.internal:6380").tls).toBe(true);
  });

  it("names what is wrong with a cluster URL", () => {
    expect(() => parseClusterUrl("redis+cluster://")).toThrow(/at least one node/);
    expect(() => parseClusterUrl("redis+cluster://a:notaport")).toThrow(/"a:notaport" is not host:port/);
    expect(() => parseClusterUrl("redis+cluster://a:70000")).toThrow(/not host:port/);
  });

  it("accepts one server or a cluster, and nothing else, as REDIS_URL", () => {
    for (const good of ["redis://127.0.0.1:6379", "rediss://u:p@h:6380/2", "redis+cluster://a:1,b:2,c:3"]) {
      expect(zRedisUrl.safeParse(good).success, good).toBe(true);
    }
    for (const bad of ["http://h:6379", "127.0.0.1:6379", "redis+cluster://x:y", ""]) {
      expect(zRedisUrl.safeParse(bad).success, bad).toBe(false);
    }
    expect(isClusterUrl("REDIS+CLUSTER://a:1")).toBe(true);
    expect(isClusterUrl("redis://a:1")).toBe(false);
  });

  it("makes the queue prefix one hash tag, once", () => {
    expect(queueKeyPrefix("parallax")).toBe("{parallax}");
    expect(queueKeyPrefix("{parallax}")).toBe("{parallax}");
    expect(queueKeyPrefix("ptest-1a2b")).toBe("{ptest-1a2b}");
  });
});
