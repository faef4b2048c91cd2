import { getDatabase, type Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { markInvalidated } from "@/db/queries/cache-invalidations";
import { trackPublicChanges } from "@/lib/cache/public-invalidation";
import { text } from "@/lib/i18n/text";
import { announceOutboxWrites } from "@/lib/outbox/outbox";
import { ServiceError } from "./errors";

/**
 * Runs `fn` in one write transaction of the process's database (see `Database.transaction`): the change and its audit
 * event commit together or not at all. `fn` may be run more than once on PostgreSQL, so it does nothing but database
 * work through `tx`. Services check uniqueness first; should a race slip past, the database's unique index still
 * refuses it, and that answers 409 rather than a server error.
 *
 * What the service reported with `reportPublicChange` is invalidated in every server's kept pages in the same
 * transaction, and once more after the commit. After the commit, this server's outbox worker is woken when the
 * transaction wrote mails or webhook deliveries.
 */
export async function writeTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const database = getDatabase();
  let invalidated: string[] = [];
  let result: T;
  try {
    result = await database.transaction(async (tx) => {
      const changes = trackPublicChanges(tx);
      try {
        const value = await fn(tx);
        invalidated = await changes.settle();
        return value;
      } finally {
        changes.release();
      }
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new ServiceError("conflict", text("errors.versions.race"));
    }
    throw e;
  }
  announceOutboxWrites();
  if (invalidated.length > 0) {
    // The change is committed: a failure here must not report it as failed (the first mark stands).
    await database
      .transaction((tx) => markInvalidated(tx, invalidated))
      .catch((e: unknown) => console.error("Could not mark kept pages invalidated after a commit:", e));
  }
  return result;
}
