import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema/index";

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export interface DatabaseOptions {
  /** Pool size; one process rarely needs more than the default. */
  max?: number;
  /**
   * False: this pool's commits return before their WAL is flushed to disk (`synchronous_commit = off`). A crash
   * of the database server may then lose the last moments of committed work (3 × wal_writer_delay, 0.6 s by
   * default), never its consistency. For writers of derived data only, which can be redone: the worker.
   */
  synchronousCommit?: boolean;
}

/** One pool per process: web, worker and CLI each make their own from the validated DATABASE_URL. */
export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    ...(options.synchronousCommit === false ? { options: "-c synchronous_commit=off" } : {}),
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
