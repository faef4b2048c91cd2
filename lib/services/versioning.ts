import { and, desc, eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { ServiceError } from "@/lib/services/errors";

/**
 * Refuses an edit made from a stale copy: when `expected` is given and the record has a
 * newer version, throws 409 saying who changed it last and when, so no one silently
 * overwrites someone else's work.
 */
export async function assertVersion(
  db: DB | Tx,
  record: { version: number },
  expected: number | undefined,
  entity: { type: string; id: number; label: string },
): Promise<void> {
  if (expected === undefined || expected === record.version) return;
  const [last] = await db
    .select({ at: auditEvents.at, label: auditEvents.actorLabel, name: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, entity.type), eq(auditEvents.entityId, entity.id)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1);
  const by = last
    ? ` by ${last.name ?? last.label} at ${last.at.toISOString().slice(0, 16).replace("T", " ")} UTC`
    : "";
  throw new ServiceError(
    "conflict",
    `This ${entity.label} was changed${by} (now version ${record.version}, yours was ${expected}). Reload to see the change; your input is kept.`,
  );
}
