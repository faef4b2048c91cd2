import { getTableName, sql, type SQL, type SQLWrapper, type Table } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { ENGINE } from "./engine";
import type { DB } from "./engines/types";

// Raw SQL on either engine. Write it in the SQL both understand, with every alias that has capitals in double
// quotes (`c.claimant_id as "claimantId"`: PostgreSQL folds unquoted names to lower case). Values come back as the
// driver gives them: numbers (bigint included, see engines/postgres.ts), text, null.

const pg = (db: DB) => db as unknown as NodePgDatabase;

/** Every row of a raw query. */
export async function queryRows<T>(db: DB, query: SQL): Promise<T[]> {
  if (ENGINE === "sqlite") return db.all<T>(query);
  return (await pg(db).execute(query)).rows as T[];
}

/** The first row of a raw query, or undefined. */
export async function queryRow<T>(db: DB, query: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, query))[0];
}

/** Runs a raw statement. */
export async function execute(db: DB, query: SQL): Promise<void> {
  if (ENGINE === "sqlite") await db.run(query);
  else await pg(db).execute(query);
}

/**
 * `column` contains `text` (as typed: `%` and `_` are plain characters), ignoring case as the engine's `lower()` does —
 * any script on PostgreSQL, ASCII letters on SQLite (whose `lower()` and LIKE fold ASCII only).
 */
export function containsIgnoringCase(column: SQLWrapper, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`lower(${column}) like lower(${pattern}) escape '\\'`;
}

/** The database's clock now, in milliseconds (every server on one database agrees on it). */
export const NOW_MS =
  ENGINE === "postgres"
    ? sql`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql`cast(unixepoch('subsec') * 1000 as integer)`;

/** After rows were written with their ids: PostgreSQL's identity columns go on after the highest (SQLite's do). */
export async function resetIdSequences(db: DB, tables: Table[]): Promise<void> {
  if (ENGINE !== "postgres") return;
  for (const table of tables) {
    const name = getTableName(table);
    await execute(
      db,
      sql.raw(
        `select setval(pg_get_serial_sequence('"${name}"', 'id'), coalesce((select max(id) from "${name}"), 0) + 1, false)`,
      ),
    );
  }
}
