import { randomBytes } from "node:crypto";
import path from "node:path";
import { runMigrations } from "@parallax/db/migrate";
import {
  createDatabase,
  dropDatabase,
  isPostgresReachable,
  isRedisReachable,
  type RunningService,
  startPostgres,
  startRedis,
} from "@parallax/services";

const root = path.resolve(import.meta.dirname, "../..");
const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";
const LOCAL_REDIS = "redis://127.0.0.1:6379";

/**
 * Real services for integration and browser tests. The machine's own Postgres and Redis are used when they
 * answer (or TEST_DATABASE_URL / TEST_REDIS_URL name others); otherwise embedded ones start under .parallax/.
 * Each run gets a database of its own, so runs never collide; tests pick their own queue prefixes.
 */
export default async function setup() {
  const started: RunningService[] = [];
  const pgUrl =
    process.env.TEST_DATABASE_URL ??
    ((await isPostgresReachable(LOCAL_POSTGRES, 2_000)) ? LOCAL_POSTGRES : undefined);
  const postgres = await startPostgres({
    ...(pgUrl ? { url: pgUrl } : {}),
    dataDir: path.join(root, ".parallax/test-postgres"),
  });
  started.push(postgres);
  const redisUrl =
    process.env.TEST_REDIS_URL ?? ((await isRedisReachable(LOCAL_REDIS, 2_000)) ? LOCAL_REDIS : undefined);
  const redis = await startRedis({
    ...(redisUrl ? { url: redisUrl } : {}),
    dataDir: path.join(root, ".parallax/test-redis"),
  });
  started.push(redis);

  const name = `parallax_test_${process.pid}_${randomBytes(3).toString("hex")}`;
  const databaseUrl = await createDatabase(postgres.url, name);
  await runMigrations(databaseUrl);
  // Test files and the processes they spawn read these; vitest starts its workers after this returns.
  process.env.PARALLAX_TEST_DATABASE_URL = databaseUrl;
  process.env.PARALLAX_TEST_REDIS_URL = redis.url;
  process.env.PARALLAX_TEST_POSTGRES_URL = postgres.url;

  return async () => {
    await dropDatabase(postgres.url, name).catch(() => {});
    for (const service of started.reverse()) await service.stop().catch(() => {});
  };
}
