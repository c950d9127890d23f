import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orphanService } from "./__fixtures__/orphan";
import { findFreePort } from "./ports";
import { isAlive } from "./proc";
import { isRedisReachable, pingRedis, startRedis } from "./redis";

describe("embedded Redis", () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp("/tmp/parallax-services-redis-");
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("spawns redis-server that answers PING, keeps an append-only file, and stops it", async () => {
    const dataDir = join(root, "redis");
    const redis = await startRedis({ dataDir });
    try {
      expect(redis.embedded).toBe(true);
      expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      await expect(pingRedis(redis.url)).resolves.toBeUndefined();
      expect(existsSync(join(dataDir, "appendonlydir"))).toBe(true);
    } finally {
      const pid = Number(await readFile(join(dataDir, "redis-server.pid"), "utf8"));
      await redis.stop();
      expect(isAlive(pid)).toBe(false);
    }
    expect(await isRedisReachable(redis.url, 1_000)).toBe(false);
  }, 30_000);

  it("stops the orphaned redis-server of an owner killed with SIGKILL, then starts its own", async () => {
    const dataDir = join(root, "orphaned");
    const orphanUrl = await orphanService("redis", dataDir);
    const orphanPid = Number(await readFile(join(dataDir, "redis-server.pid"), "utf8"));
    expect(await isRedisReachable(orphanUrl)).toBe(true);

    const redis = await startRedis({ dataDir });
    try {
      expect(isAlive(orphanPid)).toBe(false);
      await expect(pingRedis(redis.url)).resolves.toBeUndefined();
    } finally {
      await redis.stop();
    }
  }, 30_000);

  it("names REDIS_URL when the given server does not answer", async () => {
    const port = await findFreePort();
    const url = `redis://:secret@127.0.0.1:${port}`;
    expect(await isRedisReachable(url, 1_000)).toBe(false);
    await expect(startRedis({ url, dataDir: join(root, "unused") })).rejects.toThrow(
      /^REDIS_URL \(redis:\/\/:\*\*\*@127\.0\.0\.1:\d+\) is not reachable: .*ECONNREFUSED/,
    );
  });

  it("uses a given server that answers PING and leaves it running on stop()", async () => {
    const owned = await startRedis({ dataDir: join(root, "given") });
    try {
      const given = await startRedis({ url: owned.url, dataDir: join(root, "unused") });
      expect(given).toMatchObject({ url: owned.url, embedded: false });
      await given.stop();
      expect(await isRedisReachable(owned.url)).toBe(true);
    } finally {
      await owned.stop();
    }
  }, 30_000);
});
