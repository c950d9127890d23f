import { readFileSync } from "node:fs";
import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { runMigrations } from "@parallax/db/migrate";
import { createIngestQueue, createRedis, type RedisConnection } from "@parallax/queue";
import { type ReplicatedPostgres, startReplicatedPostgres } from "@parallax/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../../tooling/vitest/services";
import { createCaller } from "./root";

/**
 * Reads that can go to a replica do: a real primary and a streaming hot standby (Debian's PostgreSQL), the
 * app's context given both. A mutation only works on the primary (the standby refuses writes), and queries keep
 * answering from the standby after the primary has stopped.
 */
const text = readFileSync(
  new URL("../../../../shared/seeds/002_41147d8f43a0c177.txt", import.meta.url),
  "utf8",
);
let pair: ReplicatedPostgres;
let primary: Database;
let replica: Database;
let redis: RedisConnection;
let queue: ReturnType<typeof createIngestQueue>;
const services = testServices();

beforeAll(async () => {
  pair = await startReplicatedPostgres();
  await runMigrations(pair.primaryUrl);
  // The schema reaches the standby by replication like everything else: wait for it before reading there.
  await pair.caughtUp();
  primary = createDatabase(pair.primaryUrl);
  replica = createDatabase(pair.replicaUrl);
  redis = createRedis(services.redisUrl, "producer");
  queue = createIngestQueue({ connection: redis, prefix: services.prefix });
}, 120_000);

afterAll(async () => {
  await queue?.close();
  await redis?.quit().catch(() => {});
  if (primary) await closeDatabase(primary).catch(() => {});
  if (replica) await closeDatabase(replica).catch(() => {});
  await pair?.stop();
});

const caller = () => createCaller({ db: primary, readDb: replica, ingestQueue: queue, log: () => {} });

describe("read replica", () => {
  it("writes through the primary and reads what it wrote from the standby", async () => {
    const submitted = await caller().article.submit({ text, title: "Replicated article" });
    expect(submitted.created).toBe(true);
    await pair.caughtUp();
    const article = await caller().article.byId({ id: submitted.articleId });
    expect(article.title).toBe("Replicated article");
    // A write sent to the standby would have failed: it is read-only.
    await expect(replica.$client.query("create table replica_probe (x int)")).rejects.toThrow(
      /read-only transaction/,
    );
  });

  it("keeps answering queries from the standby while the primary is away; mutations fail", async () => {
    await pair.caughtUp();
    const before = await caller().article.list({});
    expect(before.items.length).toBeGreaterThan(0);
    await pair.stopPrimary();
    const after = await caller().article.list({});
    expect(after.items.map((item) => item.id)).toEqual(before.items.map((item) => item.id));
    await expect(caller().article.submit({ text: `${text}\n\nA later paragraph.` })).rejects.toThrow();
  });
});
