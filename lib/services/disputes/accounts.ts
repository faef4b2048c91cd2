import { and, eq, max, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { claims, disputeAccounts, disputes } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";

/**
 * Adds a claim to a dispute (bumping the dispute's version, so an edit of its account list
 * made without this one is refused) as one account, labelled ("Russian foreign ministry"), at
 * `position` or last; a claim already there is relabelled (and moved when `position` is given).
 */
export function addAccount(
  tx: Tx,
  who: ActingUser,
  disputeId: number,
  claimId: number,
  label: string,
  position?: number,
): void {
  if (!tx.select({ id: disputes.id }).from(disputes).where(eq(disputes.id, disputeId)).get()) {
    throw new ServiceError("not_found", `No dispute with id ${disputeId}.`, [
      { path: "disputeId", message: "does not exist" },
    ]);
  }
  if (!tx.select({ id: claims.id }).from(claims).where(eq(claims.id, claimId)).get()) {
    throw new ServiceError("not_found", `No claim with id ${claimId}.`, [
      { path: "claimId", message: "does not exist" },
    ]);
  }
  const existing = tx
    .select()
    .from(disputeAccounts)
    .where(and(eq(disputeAccounts.disputeId, disputeId), eq(disputeAccounts.claimId, claimId)))
    .get();
  if (existing) {
    tx.update(disputeAccounts)
      .set({ label, position: position ?? existing.position })
      .where(eq(disputeAccounts.id, existing.id))
      .run();
  } else {
    const [last] = tx
      .select({ n: max(disputeAccounts.position) })
      .from(disputeAccounts)
      .where(eq(disputeAccounts.disputeId, disputeId))
      .all();
    tx.insert(disputeAccounts)
      .values({ disputeId, claimId, label, position: position ?? (last?.n ?? -1) + 1 })
      .run();
  }
  tx.update(disputes)
    .set({ updatedAt: new Date(), version: sql`${disputes.version} + 1` })
    .where(eq(disputes.id, disputeId))
    .run();
  recordAudit(tx, who, {
    action: "dispute.add_account",
    entityType: "dispute",
    entityId: disputeId,
    after: { claimId, label },
  });
}
