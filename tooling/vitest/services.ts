import { randomBytes } from "node:crypto";
import { runMigrations } from "@parallax/db/migrate";
import { createDatabase, dropDatabase } from "@parallax/services";

/** The database and Redis of this test run (see services.setup.ts), and a queue prefix of the caller's own. */
export function testServices() {
  const databaseUrl = process.env.PARALLAX_TEST_DATABASE_URL;
  const redisUrl = process.env.PARALLAX_TEST_REDIS_URL;
  const serverUrl = process.env.PARALLAX_TEST_POSTGRES_URL;
  if (!databaseUrl || !redisUrl || !serverUrl) {
    throw new Error("integration tests need the services global setup (vitest.config.ts)");
  }
  return { databaseUrl, serverUrl, redisUrl, prefix: `ptest-${randomBytes(4).toString("hex")}` };
}

/** A migrated database of the caller's own, for tests that count rows and must not see other files' data. */
export async function isolatedDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { serverUrl } = testServices();
  const name = `parallax_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = await createDatabase(serverUrl, name);
  await runMigrations(url);
  return { url, drop: () => dropDatabase(serverUrl, name) };
}
