import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

/** Applies the committed SQL migrations; safe to run from several processes at once (drizzle locks). */
export async function runMigrations(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    // Concurrent starters (web and worker) serialize here instead of racing on the migrations table.
    await client.query("select pg_advisory_lock(7253104)");
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock(7253104)").catch(() => {});
    await client.end();
  }
}
