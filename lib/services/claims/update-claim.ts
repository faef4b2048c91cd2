import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { claims } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { claimantRefInput } from "@/lib/services/claimants/claimant-input";
import { resolveClaimant } from "@/lib/services/claimants/resolve-claimant";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, optionalDateSchema, requiredString, versionSchema } from "@/lib/validation/common";
import { parseInput, sentFields } from "@/lib/validation/parse";
import { getClaimOrThrow } from "./get-claim";
import { assertSubjectEditable } from "@/lib/services/verdicts/subject-guard";

export const updateClaimInput = z.strictObject({
  claimId: idSchema,
  version: versionSchema.optional(),
  claimant: claimantRefInput.optional(),
  statement: requiredString().trim().min(1, "is required").max(500, "must be at most 500 characters").optional(),
  claimedAt: optionalDateSchema,
});

/** Changes who made a claim, its normalised statement or its date (contributor+). */
export async function updateClaim(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(updateClaimInput, raw);
    const before = await getClaimOrThrow(tx, input.claimId);
    await assertVersion(tx, before, input.version, { type: "claim", id: before.id, label: "claim" });
    await assertSubjectEditable(tx, before.id, "change its claimant, statement or date");
    const claimantId = input.claimant ? await resolveClaimant(tx, who, input.claimant) : before.claimantId;
    const [after] = await tx
      .update(claims)
      .set({
        ...sentFields(raw, input, ["claimedAt"]),
        claimantId,
        statement: input.statement ?? before.statement,
        updatedAt: new Date(),
        version: sql`${claims.version} + 1`,
      })
      .where(eq(claims.id, before.id))
      .returning();
    await recordAudit(tx, who, { action: "claim.update", entityType: "claim", entityId: before.id, before, after });
    return after!;
  });
}
