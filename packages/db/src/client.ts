import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema/index";

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export interface DatabaseOptions {
  /** Pool size; one process rarely needs more than the default. */
  max?: number;
}

/** One pool per process: web, worker and CLI each make their own from the validated DATABASE_URL. */
export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server must not crash the process; the next query reports the failure.
  pool.on("error", () => {});
  // Nor one that is checked out between two queries (inside a transaction, say) when the server shuts down:
  // the pool listens only to idle clients, and an 'error' event nobody listens to ends the process (found by
  // stopping PostgreSQL under load: the worker died of "terminating connection due to administrator command").
  pool.on("connect", (client) => client.on("error", () => {}));
  return drizzle(pool, { schema }) as Database;
}

export async function closeDatabase(db: Database): Promise<void> {
  await db.$client.end();
}
