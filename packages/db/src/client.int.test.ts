import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testServices } from "../../../tooling/vitest/services";
import { closeDatabase, createDatabase, type Database } from "./client";

const setting = async (db: Database) =>
  ((await db.execute(sql`show synchronous_commit`)).rows[0] as { synchronous_commit: string })
    .synchronous_commit;

describe("createDatabase", () => {
  it("waits for the disk on commit unless asked not to, on every connection of the pool", async () => {
    const { databaseUrl } = testServices();
    const durable = createDatabase(databaseUrl, { max: 2 });
    const derived = createDatabase(databaseUrl, { max: 2, synchronousCommit: false });
    try {
      expect(await setting(durable)).toBe("on");
      // Two connections at once: the setting is the pool's, not one session's.
      const both = await Promise.all([
        derived.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(0.05)`);
          return setting(tx as unknown as Database);
        }),
        setting(derived),
      ]);
      expect(both).toEqual(["off", "off"]);
    } finally {
      await closeDatabase(durable);
      await closeDatabase(derived);
    }
  });
});
