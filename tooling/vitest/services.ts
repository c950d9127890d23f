import { randomBytes } from "node:crypto";

/** The database and Redis of this test run (see services.setup.ts), and a queue prefix of the caller's own. */
export function testServices() {
  const databaseUrl = process.env.PARALLAX_TEST_DATABASE_URL;
  const redisUrl = process.env.PARALLAX_TEST_REDIS_URL;
  if (!databaseUrl || !redisUrl)
    throw new Error("integration tests need the services global setup (vitest.config.ts)");
  return { databaseUrl, redisUrl, prefix: `ptest-${randomBytes(4).toString("hex")}` };
}
