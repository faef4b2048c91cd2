import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { claimants } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, versionSchema } from "@/lib/validation/common";
import { parseInput, sentFields } from "@/lib/validation/parse";
import { claimantFields } from "./claimant-input";
import { text } from "@/lib/i18n/text";

export const updateClaimantInput = z.strictObject({
  claimantId: idSchema,
  version: versionSchema.optional(),
  name: claimantFields.name.optional(),
  description: claimantFields.description,
  sameAs: claimantFields.sameAs,
  kind: claimantFields.kind,
});

/** Edits a claimant's name, role/affiliation, sameAs URL or kind (contributor+); the slug stays. */
export async function updateClaimant(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(updateClaimantInput, raw);
    const [before] = await tx.select().from(claimants).where(eq(claimants.id, input.claimantId)).limit(1);
    if (!before) throw new ServiceError("not_found", text("errors.claimants.notFound", { id: input.claimantId }));
    await assertVersion(tx, before, input.version, { type: "claimant", id: before.id });
    const [after] = await tx
      .update(claimants)
      .set({
        ...sentFields(raw, input, ["description", "sameAs", "kind"]),
        name: input.name ?? before.name,
        updatedAt: new Date(),
        version: sql`${claimants.version} + 1`,
      })
      .where(eq(claimants.id, before.id))
      .returning();
    await recordAudit(tx, who, {
      action: "claimant.update",
      entityType: "claimant",
      entityId: before.id,
      before,
      after,
    });
    return after!;
  });
}
