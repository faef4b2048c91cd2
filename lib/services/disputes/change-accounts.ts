import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { disputeAccounts, disputes } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { addAccount } from "./accounts";
import { accountLabelSchema } from "./dispute-input";
import { text } from "@/lib/i18n/text";

export const addDisputeAccountInput = z.strictObject({
  disputeId: idSchema,
  claimId: idSchema,
  label: accountLabelSchema,
});
export const removeDisputeAccountInput = z.strictObject({ disputeId: idSchema, claimId: idSchema });

/** Adds a claim from any document to a dispute as a labelled account, or relabels it (contributor+). */
export async function addDisputeAccount(actor: Actor | null, raw: unknown): Promise<void> {
  await writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(addDisputeAccountInput, raw);
    await addAccount(tx, who, input.disputeId, input.claimId, input.label);
  });
}

/** Takes an account out of a dispute; the claim itself stays (contributor+). */
export async function removeDisputeAccount(actor: Actor | null, raw: unknown): Promise<void> {
  await writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(removeDisputeAccountInput, raw);
    const [removed] = await tx
      .delete(disputeAccounts)
      .where(and(eq(disputeAccounts.disputeId, input.disputeId), eq(disputeAccounts.claimId, input.claimId)))
      .returning();
    if (!removed) throw new ServiceError("not_found", text("errors.disputes.notAccount"));
    await tx
      .update(disputes)
      .set({ updatedAt: new Date(), version: sql`${disputes.version} + 1` })
      .where(eq(disputes.id, input.disputeId));
    await recordAudit(tx, who, {
      action: "dispute.remove_account",
      entityType: "dispute",
      entityId: input.disputeId,
      before: removed,
    });
  });
}
