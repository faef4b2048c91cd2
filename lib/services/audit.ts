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
  await recordAudits(tx, who, [event]);
}

/** Records several events of one change at once (a text edit moves many claims): a statement per 500. */
export async function recordAudits(tx: Tx, who: ActingUser, events: AuditInput[]): Promise<void> {
  const at = new Date();
  for (let i = 0; i < events.length; i += 500) {
    await tx.insert(auditEvents).values(
      events.slice(i, i + 500).map((event) => ({
        at,
        actorId: who.id,
        actorLabel: who.label,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        before: event.before ?? null,
        after: event.after ?? null,
      })),
    );
  }
}
