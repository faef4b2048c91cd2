import { getDb, type Tx } from "@/db/client";

/**
 * Runs `fn` in one IMMEDIATE write transaction. `fn` must be synchronous (better-sqlite3):
 * an awaited promise inside would commit before it settles and a failure would not roll back.
 */
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
  return getDb().transaction(fn, { behavior: "immediate" });
}
