import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCaller } from "@parallax/api";
import { closeDatabase, createDatabase, type Database, getArticle } from "@parallax/db";
import {
  createBriefQueue,
  createIngestQueue,
  createRedis,
  queueKeyPrefix,
  RateLimiter,
  type RedisConnection,
} from "@parallax/queue";
import { type RunningService, startRedisCluster } from "@parallax/services";
import { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase, testServices } from "../../../tooling/vitest/services";
import { seed, waitFor } from "./__fixtures__/harness";
import { type RunningWorkers, startWorkers } from "./index";

/**
 * Scale-out on the same engines: the whole pipeline, the rate limiter and the per-host limiter against a real
 * three-master Redis Cluster on loopback ports. BullMQ's keys must share a slot per queue (the prefix is a hash
 * tag) while the limiters' keys spread over the nodes by their own hash tags.
 */
let cluster: RunningService;
let database: Awaited<ReturnType<typeof isolatedDatabase>>;
let db: Database;
let redis: RedisConnection;
let workers: RunningWorkers | undefined;
let pages: Server;
let origin: string;
const prefix = testServices().prefix;

beforeAll(async () => {
  cluster = await startRedisCluster({
    dataDir: join(tmpdir(), `parallax-cluster-${process.pid}-${Date.now()}`),
  });
  database = await isolatedDatabase();
  db = createDatabase(database.url);
  redis = createRedis(cluster.url, "producer");
  pages = createServer((request, response) => {
    if (request.url === "/robots.txt") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
      `<!doctype html><html><head><title>Harbour reopens after storm</title></head><body><article>
       <h1>Harbour reopens after storm</h1>
       <p>The port authority of Kesselton reopened the harbour on Tuesday after a three-day closure caused by the storm.</p>
       <p>Officials said 42 ships had waited offshore and that the first container vessels docked before noon.</p>
       <p>Fishermen told reporters that damage to the northern pier would take weeks to repair.</p>
       </article></body></html>`,
    );
  });
  await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await workers?.close();
  await redis?.quit().catch(() => {});
  if (db) await closeDatabase(db);
  await database?.drop();
  await new Promise((resolve) => pages?.close(resolve));
  await cluster?.stop();
});

describe("Redis Cluster (3 local masters)", () => {
  it("opens a cluster client for a redis+cluster:// URL", () => {
    expect(cluster.url).toMatch(/^redis\+cluster:\/\/127\.0\.0\.1:\d+,127\.0\.0\.1:\d+,127\.0\.0\.1:\d+$/);
    expect(redis).toBeInstanceOf(Cluster);
  });

  it("runs the whole pipeline: pasted and fetched articles end ready, in a story with a briefing", async () => {
    workers = await startWorkers({
      db,
      redisUrl: cluster.url,
      prefix,
      concurrency: 2,
      fetchLimits: { timeoutMs: 5_000, maxBytes: 1_000_000, maxRedirects: 3 },
      politeness: { minIntervalMs: 10 },
      net: { allow: "127.0.0.1" },
      log: () => {},
    });
    const ingestQueue = createIngestQueue({ connection: redis, prefix });
    const briefQueue = createBriefQueue({ connection: redis, prefix });
    const api = createCaller({ db, ingestQueue, briefQueue, log: () => {} });
    try {
      const submitted = [
        await api.article.submit({ text: seed("000_692c35d782a7bbcb.txt") }),
        await api.article.submit({ text: seed("002_41147d8f43a0c177.txt") }),
        await api.article.submit({ url: `${origin}/harbour` }),
      ];
      for (const { articleId } of submitted) {
        const article = await waitFor(
          async () => {
            const found = await getArticle(db, articleId);
            return found && ["ready", "failed"].includes(found.status) ? found : null;
          },
          `article ${articleId} final`,
          90_000,
        );
        expect(article.status, article.error ?? "").toBe("ready");
        const story = await waitFor(
          () => api.article.story({ id: articleId }),
          `story of ${articleId}`,
          90_000,
        );
        await waitFor(
          async () => ((await api.story.briefing({ id: story.storyId })) ? true : null),
          "briefing",
          90_000,
        );
      }
    } finally {
      await ingestQueue.close();
      await briefQueue.close();
    }
  });

  it("keeps each queue's keys in the prefix's one slot and spreads limiter keys over the nodes", async () => {
    const limiter = new RateLimiter(redis, prefix, {
      submit: { perMinute: 60, burst: 3 },
      search: { perMinute: 60, burst: 3 },
    });
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push((await limiter.take("submit", "203.0.113.9")).allowed);
    expect(decisions).toEqual([true, true, true, false]);
    for (let client = 0; client < 30; client++) await limiter.take("search", `198.51.100.${client}`);

    const cluster = redis as Cluster;
    const owners = new Map<string, string[]>();
    for (const node of cluster.nodes("master")) {
      const keys = await node.keys(`*${prefix}*`);
      owners.set(`${node.options.host}:${node.options.port}`, keys);
    }
    const all = [...owners.values()].flat();
    const queueKeys = all.filter((key) => key.startsWith(`${queueKeyPrefix(prefix)}:`));
    expect(queueKeys.some((key) => key.includes(":ingest:"))).toBe(true);
    expect(queueKeys.some((key) => key.includes(":brief:"))).toBe(true);
    // Every BullMQ key of every queue on the node that owns the prefix's slot.
    const queueNodes = [...owners].filter(([, keys]) => keys.some((key) => queueKeys.includes(key)));
    expect(queueNodes).toHaveLength(1);
    // Rate-limit and host keys carry their own hash tags, so they spread over the masters.
    const limiterNodes = [...owners].filter(([, keys]) =>
      keys.some((key) => key.startsWith(`${prefix}:rl:`)),
    );
    expect(limiterNodes.length).toBeGreaterThan(1);
  });
});
