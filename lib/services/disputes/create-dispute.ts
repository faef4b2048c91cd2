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
export function insertDispute(tx: Tx, who: ActingUser, input: z.output<z.ZodObject<typeof disputeFields>>) {
  const row = tx
    .insert(disputes)
    .values({ ...input, slug: uniqueSlug(tx, disputes, disputes.slug, input.question), createdBy: who.id })
    .returning()
    .get();
  recordAudit(tx, who, { action: "dispute.create", entityType: "dispute", entityId: row.id, after: row });
  return row;
}

/** Opens a dispute: one question about one event, with its competing accounts (contributor+). */
export function createDispute(actor: Actor | null, raw: unknown) {
  return writeTransaction((tx) => {
    const who = authorize(tx, actor, "content:write");
    const { accounts, ...fields } = parseInput(createDisputeInput, raw);
    const dispute = insertDispute(tx, who, fields);
    for (const a of accounts) addAccount(tx, who, dispute.id, a.claimId, a.label);
    return dispute;
  });
}
