import { and, eq, max, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { claims, disputeAccounts, disputes } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { text } from "@/lib/i18n/text";

/**
 * Adds a claim to a dispute (bumping the dispute's version, so an edit of its account list
 * made without this one is refused) as one account, labelled ("Russian foreign ministry"), at
 * `position` or last; a claim already there is relabelled (and moved when `position` is given).
 */
export async function addAccount(
  tx: Tx,
  who: ActingUser,
  disputeId: number,
  claimId: number,
  label: string,
  position?: number,
): Promise<void> {
  const [dispute] = await tx.select({ id: disputes.id }).from(disputes).where(eq(disputes.id, disputeId)).limit(1);
  if (!dispute) {
    throw new ServiceError("not_found", text("errors.disputes.notFound", { id: disputeId }), [
      fieldIssue("disputeId", text("validation.notExists")),
    ]);
  }
  const [claim] = await tx.select({ id: claims.id }).from(claims).where(eq(claims.id, claimId)).limit(1);
  if (!claim) {
    throw new ServiceError("not_found", text("errors.claims.notFound", { id: claimId }), [
      fieldIssue("claimId", text("validation.notExists")),
    ]);
  }
  const [existing] = await tx
    .select()
    .from(disputeAccounts)
    .where(and(eq(disputeAccounts.disputeId, disputeId), eq(disputeAccounts.claimId, claimId)))
    .limit(1);
  if (existing) {
    await tx
      .update(disputeAccounts)
      .set({ label, position: position ?? existing.position })
      .where(eq(disputeAccounts.id, existing.id));
  } else {
    const [last] = await tx
      .select({ n: max(disputeAccounts.position) })
      .from(disputeAccounts)
      .where(eq(disputeAccounts.disputeId, disputeId));
    await tx.insert(disputeAccounts).values({ disputeId, claimId, label, position: position ?? (last?.n ?? -1) + 1 });
  }
  await tx
    .update(disputes)
    .set({ updatedAt: new Date(), version: sql`${disputes.version} + 1` })
    .where(eq(disputes.id, disputeId));
  await recordAudit(tx, who, {
    action: "dispute.add_account",
    entityType: "dispute",
    entityId: disputeId,
    after: { claimId, label },
  });
}
