import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { OPEN_CLAIM } from "@/db/queries/assignments";
import { claims, users, type User } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { notify } from "@/lib/notifications/notify";
import { recordAudits } from "@/lib/services/audit";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

/**
 * When an account is disabled: its open claims go back to the unassigned queue (and those it was to review, to any
 * editor), and the editors are told how many.
 */
export async function returnOpenClaims(tx: Tx, who: ActingUser, person: User): Promise<number> {
  const held = await tx
    .select({ id: claims.id, assigneeId: claims.assigneeId, reviewerId: claims.reviewerId })
    .from(claims)
    .where(and(or(eq(claims.assigneeId, person.id), eq(claims.reviewerId, person.id)), OPEN_CLAIM));
  if (held.length === 0) return 0;
  const now = new Date();
  const ids = held.map((c) => c.id);
  const bump = { updatedAt: now, version: sql`${claims.version} + 1` };
  await tx
    .update(claims)
    .set({ assigneeId: null, ...bump })
    .where(and(inArray(claims.id, ids), eq(claims.assigneeId, person.id)));
  await tx
    .update(claims)
    .set({ reviewerId: null, ...bump })
    .where(and(inArray(claims.id, ids), eq(claims.reviewerId, person.id)));
  await recordAudits(
    tx,
    who,
    held.map((c) => ({
      action: "claim.unassign",
      entityType: "claim",
      entityId: c.id,
      before: { assigneeId: c.assigneeId, reviewerId: c.reviewerId },
      after: {
        assigneeId: c.assigneeId === person.id ? null : c.assigneeId,
        reviewerId: c.reviewerId === person.id ? null : c.reviewerId,
        reason: "account disabled",
      },
    })),
  );
  const editors = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ["editor", "admin"]), isNull(users.disabledAt)));
  await notify(tx, {
    kind: "claims_returned",
    to: editors.map((e) => e.id),
    claimId: null,
    by: who,
    data: { person: person.name, count: held.length },
  });
  for (const id of ids) await emitWebhookEvent(tx, "claim.assigned", { who, claimId: id });
  return held.length;
}
