import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { ENGINE } from "@/db/engine";
import type { Role } from "@/db/schema";
import { execute } from "@/db/sql";
import { isServiceError, type ServiceError } from "@/lib/services/errors";
import { insertUser } from "./db";

// Fixtures that write. A test's `db` handle reads (on SQLite it is a read-only connection): writes go through a
// write transaction of the database.

/** `insertUser` in a write transaction of its own. */
export function addUser(database: Database, email: string, role: Role, opts: { disabled?: boolean } = {}) {
  return database.transaction((tx) => insertUser(tx, email, role, opts));
}

/**
 * Installs a trigger that makes the insert of every audit event of this action fail with "audit store unavailable",
 * to prove that a service's change and its audit event commit together or not at all.
 */
export async function failAuditOf(database: Database, action: string): Promise<void> {
  await database.transaction(async (tx) => {
    if (ENGINE === "postgres") {
      await execute(
        tx,
        sql.raw(`create function fail_audit() returns trigger language plpgsql
          as $$ begin raise exception 'audit store unavailable'; end $$`),
      );
      await execute(
        tx,
        sql.raw(`create trigger fail_audit before insert on audit_events
          for each row when (new.action = '${action}') execute function fail_audit()`),
      );
    } else {
      await execute(
        tx,
        sql.raw(`create trigger fail_audit before insert on audit_events when new.action = '${action}'
          begin select raise(abort, 'audit store unavailable'); end`),
      );
    }
  });
}

/**
 * The message a promise is rejected with, and those of the errors it wraps (drizzle reports a failed statement as
 * "Failed query: …" with the driver's error as its cause): for refusals made by the database itself.
 */
export async function rejectionMessage(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    const messages: string[] = [];
    for (let cause = e; cause instanceof Error; cause = cause.cause) messages.push(cause.message);
    return messages.join("\n");
  }
  throw new Error("expected a rejection");
}

/** The ServiceError a call is refused with (any other failure, or none, fails the test). */
export async function refusal(call: () => Promise<unknown>): Promise<ServiceError> {
  try {
    await call();
  } catch (e) {
    if (isServiceError(e)) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}
