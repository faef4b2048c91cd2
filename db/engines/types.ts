import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type { Engine } from "../engine";

/**
 * The query builder services and queries write against. Its static type is drizzle's asynchronous SQLite database;
 * on PostgreSQL the object is drizzle's node-postgres database over tables with the same names and types
 * (`db/schema.ts`). Only what both offer is used: `await` on a builder (never `.get()`, `.all()`, `.run()`: lint
 * refuses them), `.returning()`, `onConflictDo…`, and raw SQL through `db/sql.ts`.
 */
export type DB = BaseSQLiteDatabase<"async", unknown>;
/** A transaction's handle: the same query builder, bound to the transaction. */
export type Tx = DB;

/** An open database of either engine. */
export type Database = {
  readonly engine: Engine;
  /** The DATABASE_URL it was opened from (`file:path` for SQLite). */
  readonly url: string;
  /** Where it is, for messages (a file, or the server and database name without the password). */
  readonly label: string;
  /** Reads outside a transaction. */
  readonly db: DB;
  /**
   * Runs `fn` in one write transaction: it commits when `fn` resolves and rolls back when it throws. SQLite runs one
   * at a time in this process (and `BEGIN IMMEDIATE` against other processes); PostgreSQL runs it SERIALIZABLE and
   * runs `fn` again, from the start, when the server could not serialise it.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, opts?: TransactionOptions): Promise<T>;
  /** Applies the committed migrations of the engine (several servers may start at once). */
  migrate(): Promise<void>;
  /**
   * A value that changes whenever a write has been committed since it was last read, by this process or another;
   * data read after it is at least as new as it.
   */
  dataVersion(): Promise<string>;
  close(): Promise<void>;
};

/**
 * `readCommitted`: on PostgreSQL, READ COMMITTED instead of SERIALIZABLE, for work whose own row locks keep it right
 * (the outbox's claim, `FOR UPDATE SKIP LOCKED`, and its lock-token-guarded updates), where concurrent senders would
 * otherwise abort each other instead of skipping each other's rows. SQLite runs every write transaction alone anyway.
 */
export type TransactionOptions = { readCommitted?: boolean };
