import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

const base = { DATABASE_URL: "postgres://u@db/parallax", REDIS_URL: "redis://cache:6379" };

describe("the worker's FETCH_ALLOW_HOSTS", () => {
  it("is empty unless set, and reads names, addresses and networks", () => {
    expect(readEnv(base).FETCH_ALLOW_HOSTS).toEqual({ hosts: [], networks: [] });
    const allow = readEnv({ ...base, FETCH_ALLOW_HOSTS: "127.0.0.1,localhost,10.0.0.0/8" }).FETCH_ALLOW_HOSTS;
    expect(allow.hosts).toEqual(["localhost"]);
    expect(allow.networks.map(([address, bits]) => `${address}/${bits}`)).toEqual([
      "127.0.0.1/32",
      "10.0.0.0/8",
    ]);
  });

  it("fails start-up naming the entry it cannot read", () => {
    expect(() => readEnv({ ...base, FETCH_ALLOW_HOSTS: "localhost, http://intranet/" })).toThrow(
      'worker configuration: FETCH_ALLOW_HOSTS has "http://intranet/" is a URL; list only its host name, address or network',
    );
  });
});

describe("the worker's WORKER_SYNCHRONOUS_COMMIT", () => {
  it("is off unless set, and takes only on or off", () => {
    expect(readEnv(base).WORKER_SYNCHRONOUS_COMMIT).toBe("off");
    expect(readEnv({ ...base, WORKER_SYNCHRONOUS_COMMIT: "on" }).WORKER_SYNCHRONOUS_COMMIT).toBe("on");
    expect(() => readEnv({ ...base, WORKER_SYNCHRONOUS_COMMIT: "maybe" })).toThrow(
      "WORKER_SYNCHRONOUS_COMMIT",
    );
  });
});
