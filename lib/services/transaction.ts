import { getDatabase, type Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { ServiceError } from "./errors";

/**
 * Runs `fn` in one write transaction of the process's database (see `Database.transaction`): the change and its audit
 * event commit together or not at all. `fn` may be run more than once on PostgreSQL, so it does nothing but database
 * work through `tx`. Services check uniqueness first; should a race slip past, the database's unique index still
 * refuses it, and that answers 409 rather than a server error.
 */
export async function writeTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await getDatabase().transaction(fn);
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new ServiceError("conflict", "Someone else made the same change a moment ago. Reload and try again.");
    }
    throw e;
  }
}
