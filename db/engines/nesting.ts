import { AsyncLocalStorage } from "node:async_hooks";

const current = new AsyncLocalStorage<unknown>();

/**
 * Runs a transaction's work marked as inside a transaction of `database` (a SQLite file, a PostgreSQL pool), and
 * refuses to start one within another: it would wait on the outer one's own locks (SQLite's queue, a PostgreSQL
 * row), or commit apart from it.
 */
export function asTransactionOf<T>(database: unknown, work: () => Promise<T>): Promise<T> {
  if (current.getStore() === database) {
    return Promise.reject(new Error("A write transaction cannot start inside another one."));
  }
  return current.run(database, work);
}
