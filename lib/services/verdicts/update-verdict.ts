import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { verdicts } from "@/db/schema";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, versionSchema } from "@/lib/validation/common";
import { parseInput, sentFields } from "@/lib/validation/parse";
import { decide } from "@/lib/workflow/verdict-workflow";
import { getVerdictOrThrow, ratingIdFor, refusal } from "./load-verdict";
import { verdictFields } from "./verdict-input";

export const updateVerdictInput = z.strictObject({
  verdictId: idSchema,
  /** Required: two editors must never silently overwrite each other's draft. */
  version: versionSchema,
  rating: verdictFields.rating.optional(),
  summary: verdictFields.summary.optional(),
  rationale: verdictFields.rationale.optional(),
  language: verdictFields.language,
});

/** Edits a draft's rating, summary, rationale or language (its author, or an editor); a stale `version` is a 409. */
export async function updateVerdict(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorizeAccount(tx, actor, "content:write");
    const input = parseInput(updateVerdictInput, raw);
    const before = await getVerdictOrThrow(tx, input.verdictId);
    await assertVersion(tx, before, input.version, { type: "verdict", id: before.id });
    const decision = decide("edit", before.state, who.role, before.authorId === who.id);
    if (!decision.allowed) throw refusal(decision);
    const rating = input.rating !== undefined ? { ratingId: await ratingIdFor(tx, input.rating) } : {};
    const [after] = await tx
      .update(verdicts)
      .set({
        ...rating,
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.rationale !== undefined ? { rationale: input.rationale } : {}),
        ...sentFields(raw, input, ["language"]),
        updatedAt: new Date(),
        version: sql`${verdicts.version} + 1`,
      })
      .where(eq(verdicts.id, before.id))
      .returning();
    await recordAudit(tx, who, { action: "verdict.update", entityType: "verdict", entityId: before.id, before, after });
    return after!;
  });
}
