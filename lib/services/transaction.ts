import { getDb, type Tx } from "@/db/client";
import { ServiceError } from "./errors";

/**
 * Runs `fn` in one IMMEDIATE write transaction. `fn` must be synchronous (better-sqlite3):
 * an awaited promise inside would commit before it settles and a failure would not roll back.
 * Services check uniqueness first; should a race slip past, the database's unique index
 * still refuses it, and that answers 409 rather than a server error.
 */
export function writeTransaction<T>(fn: (tx: Tx) => T): T {
  try {
    return getDb().transaction(fn, { behavior: "immediate" });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
      throw new ServiceError("conflict", "Someone else made the same change a moment ago. Reload and try again.");
    }
    throw e;
  }
}
