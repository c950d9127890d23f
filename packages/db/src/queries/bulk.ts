import { getTableColumns, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "./story-index";

/**
 * Many rows in one statement with one parameter: the rows go over as a JSON array that Postgres unpacks with
 * `jsonb_to_recordset`. Drizzle's `.values(rows)` builds a placeholder per cell, and for an enriched article's
 * few hundred mentions and terms that building (and the server's parsing of thousands of parameters) took more
 * of the worker's CPU than enrichment itself. Rows keep their order (`with ordinality`), so upserts that
 * touch shared rows still lock them in the order given, as concurrent writers rely on.
 */
export interface InsertRowsOptions {
  /** The SQL after the insert, e.g. `on conflict do nothing`. */
  onConflict?: SQL;
  /** Sent per statement at most; a few MB of JSON keeps every statement modest in memory. */
  chunk?: number;
}

export async function insertRows<T extends PgTable>(
  db: Queryable,
  table: T,
  rows: ReadonlyArray<Partial<T["$inferInsert"]>>,
  options: InsertRowsOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(table, rows[0]!);
  const chunk = options.chunk ?? 5_000;
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk).map((row) => {
      const out: Record<string, unknown> = {};
      for (const c of columns) out[c.name] = (row as Record<string, unknown>)[c.key] ?? null;
      return out;
    });
    await db.execute(sql`
      insert into ${table} (${sql.raw(columns.map((c) => quote(c.name)).join(", "))})
      select ${sql.raw(columns.map((c) => `r.${quote(c.name)}`).join(", "))}
      from rows from (jsonb_to_recordset(${toJson(slice)}::jsonb)
        as (${sql.raw(columns.map((c) => `${quote(c.name)} ${c.type}`).join(", "))}))
        with ordinality as r(${sql.raw([...columns.map((c) => quote(c.name)), '"__ord"'].join(", "))})
      order by r."__ord"
      ${options.onConflict ?? sql``}`);
  }
}

interface Column {
  key: string;
  name: string;
  type: string;
}

const columnCache = new WeakMap<PgTable, Map<string, PgColumn>>();

/** The table's columns that the rows set (keys of the first row; rows of one call have the same shape). */
function columnsOf(table: PgTable, first: object): Column[] {
  let byKey = columnCache.get(table);
  if (!byKey) {
    byKey = new Map(Object.entries(getTableColumns(table)) as Array<[string, PgColumn]>);
    columnCache.set(table, byKey);
  }
  return Object.keys(first).map((key) => {
    const column = byKey.get(key);
    if (!column) throw new Error(`${getTableName(table)} has no column for "${key}"`);
    return { key, name: column.name, type: column.getSQLType() };
  });
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * JSON Postgres accepts: text with a lone surrogate (which a UTF-8 parameter would have turned into U+FFFD
 * silently) is made well-formed the same way, instead of failing the whole statement.
 */
function toJson(rows: unknown[]): string {
  return JSON.stringify(rows, (_key, value) =>
    typeof value === "string" ? (value as string & { toWellFormed(): string }).toWellFormed() : value,
  );
}
