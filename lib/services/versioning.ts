import { and, desc, eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { text } from "@/lib/i18n/text";
import { ServiceError } from "@/lib/services/errors";

/** The kinds of record edited with a version (each named in `errors.versions.*`). */
type VersionedType =
  "user" | "verdict" | "dispute" | "claimant" | "claim" | "rating" | "evidence" | "document" | "webhook";

/**
 * Refuses an edit made from a stale copy: when `expected` is given and the record has a
 * newer version, throws 409 saying who changed it last and when, so no one silently
 * overwrites someone else's work.
 */
export async function assertVersion(
  db: DB | Tx,
  record: { version: number },
  expected: number | undefined,
  entity: { type: VersionedType; id: number },
): Promise<void> {
  if (expected === undefined || expected === record.version) return;
  const [last] = await db
    .select({ at: auditEvents.at, label: auditEvents.actorLabel, name: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, entity.type), eq(auditEvents.entityId, entity.id)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1);
  const versions = { type: entity.type, version: record.version, yours: expected };
  throw new ServiceError(
    "conflict",
    last
      ? text("errors.versions.changedBy", {
          ...versions,
          name: last.name ?? last.label,
          at: last.at.toISOString().slice(0, 16).replace("T", " "),
        })
      : text("errors.versions.changed", versions),
  );
}
