import { z } from "zod";
import type { Tx } from "@/db/client";
import { disputes } from "@/db/schema";
import { authorize, type ActingUser, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { uniqueSlug } from "@/lib/services/slugs";
import { writeTransaction } from "@/lib/services/transaction";
import { parseInput } from "@/lib/validation/parse";
import { addAccount } from "./accounts";
import { accountsInput, disputeFields } from "./dispute-input";

export const createDisputeInput = z.strictObject({ ...disputeFields, accounts: accountsInput.default([]) });

/** Inserts a dispute and its audit event. */
export async function insertDispute(tx: Tx, who: ActingUser, input: z.output<z.ZodObject<typeof disputeFields>>) {
  const slug = await uniqueSlug(tx, disputes, disputes.slug, input.question);
  const [row] = await tx
    .insert(disputes)
    .values({ ...input, slug, createdBy: who.id })
    .returning();
  await recordAudit(tx, who, { action: "dispute.create", entityType: "dispute", entityId: row!.id, after: row });
  return row!;
}

/** Opens a dispute: one question about one event, with its competing accounts (contributor+). */
export async function createDispute(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const { accounts, ...fields } = parseInput(createDisputeInput, raw);
    const dispute = await insertDispute(tx, who, fields);
    for (const a of accounts) await addAccount(tx, who, dispute.id, a.claimId, a.label);
    return dispute;
  });
}
