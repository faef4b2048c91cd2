import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/config/env";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle; services write through it so the change and its audit event commit together. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Opens a SQLite file with the pragmas Claimdesk relies on. */
export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema }) as DB;
}

/** Applies the committed drizzle-kit migrations. */
export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

// One connection per process, opened on first use (never at import: `next build` workers
// import this module in parallel). Cached on globalThis so dev hot reloads reuse it.
const holder = globalThis as unknown as { __claimdeskDb?: DB };

/** The process-wide database connection, opened lazily from DATABASE_URL. */
export function getDb(): DB {
  holder.__claimdeskDb ??= openDatabase(getEnv().databaseFile);
  return holder.__claimdeskDb;
}

/** Replaces the process-wide connection (tests and the CLI use this). */
export function setDb(db: DB | undefined): void {
  holder.__claimdeskDb = db;
}
