import { and, eq, notInArray, sql } from "drizzle-orm";
import { z } from "zod";
import { disputeAccounts, disputes } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, versionSchema } from "@/lib/validation/common";
import { parseInput, sentFields } from "@/lib/validation/parse";
import { addAccount } from "./accounts";
import { accountsInput, disputeFields } from "./dispute-input";
import { issueMessage, text } from "@/lib/i18n/text";

export const updateDisputeInput = z
  .strictObject({
    disputeId: idSchema,
    version: versionSchema.optional(),
    question: disputeFields.question.optional(),
    eventDate: disputeFields.eventDate,
    description: disputeFields.description,
    /** When given, the dispute's accounts become exactly these, in this order (needs `version`). */
    accounts: accountsInput.optional(),
  })
  .refine((v) => v.accounts === undefined || v.version !== undefined, {
    message: issueMessage("validation.versionForAccounts"),
    path: ["version"],
  });

/** Edits a dispute's question, date, description and accounts (contributor+). */
export async function updateDispute(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(updateDisputeInput, raw);
    const [before] = await tx.select().from(disputes).where(eq(disputes.id, input.disputeId)).limit(1);
    const accountsBefore = await tx
      .select({ claimId: disputeAccounts.claimId, label: disputeAccounts.label })
      .from(disputeAccounts)
      .where(eq(disputeAccounts.disputeId, input.disputeId))
      .orderBy(disputeAccounts.position);
    if (!before) throw new ServiceError("not_found", text("errors.disputes.notFound", { id: input.disputeId }));
    await assertVersion(tx, before, input.version, { type: "dispute", id: before.id });

    const [after] = await tx
      .update(disputes)
      .set({
        ...sentFields(raw, input, ["eventDate", "description"]),
        question: input.question ?? before.question,
        updatedAt: new Date(),
        version: sql`${disputes.version} + 1`,
      })
      .where(eq(disputes.id, before.id))
      .returning();
    if (input.accounts) {
      const keep = input.accounts.map((a) => a.claimId);
      await tx
        .delete(disputeAccounts)
        .where(
          and(
            eq(disputeAccounts.disputeId, before.id),
            keep.length ? notInArray(disputeAccounts.claimId, keep) : sql`1 = 1`,
          ),
        );
      for (const [position, a] of input.accounts.entries()) {
        await addAccount(tx, who, before.id, a.claimId, a.label, position);
      }
    }
    await recordAudit(tx, who, {
      action: "dispute.update",
      entityType: "dispute",
      entityId: before.id,
      before: { ...before, accounts: accountsBefore },
      after: { ...after, ...(input.accounts ? { accounts: input.accounts } : {}) },
    });
    return after!;
  });
}
