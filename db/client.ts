import { databaseUrl, ENGINE, engineOf, sqliteFileOf } from "./engine";
import { openPostgres } from "./engines/postgres";
import { openSqlite } from "./engines/sqlite";
import type { Database, DB } from "./engines/types";

export type { Database, DB, TransactionOptions, Tx } from "./engines/types";

/**
 * Opens the database a DATABASE_URL names. It must be of this process's engine: the tables every module imports
 * (`db/schema.ts`) were chosen for it when the process started.
 */
export function openDatabase(url: string): Database {
  const engine = engineOf(url);
  if (engine !== ENGINE) throw new Error(`This process runs on ${ENGINE}; it cannot open a ${engine} database.`);
  return engine === "postgres" ? openPostgres(url) : openSqlite(sqliteFileOf(url));
}

// One database per process, opened on first use (never at import: `next build` workers import this module in
// parallel). Cached on globalThis so that dev hot reloads reuse it.
const holder = globalThis as unknown as { __claimdeskDatabase?: Database };

/** The process-wide database, opened lazily from DATABASE_URL. */
export function getDatabase(): Database {
  holder.__claimdeskDatabase ??= openDatabase(databaseUrl());
  return holder.__claimdeskDatabase;
}

/** The process-wide query builder for reads outside a transaction. */
export function getDb(): DB {
  return getDatabase().db;
}

/** Replaces the process-wide database (tests and the CLI use this); the caller closes the old one. */
export function setDatabase(database: Database | undefined): void {
  holder.__claimdeskDatabase = database;
}
