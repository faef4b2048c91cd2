import type { Tx } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";

type AuditInput = {
  action: string;
  entityType: string;
  entityId: number;
  before?: unknown;
  after?: unknown;
};

/** Records who did what to which record, inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, who: ActingUser, event: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    at: new Date(),
    actorId: who.id,
    actorLabel: who.label,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
