import { eq, max } from "drizzle-orm";
import { z } from "zod";
import { verdicts } from "@/db/schema";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { getClaimOrThrow } from "@/lib/services/claims/get-claim";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { ratingIdFor } from "./load-verdict";
import { verdictFields } from "./verdict-input";
import { text } from "@/lib/i18n/text";

export const createVerdictInput = z.strictObject({
  claimId: idSchema,
  rating: verdictFields.rating.default(null),
  summary: verdictFields.summary.default(""),
  rationale: verdictFields.rationale.default(""),
  /** The language it is written in; none (the default): the claim's. */
  language: verdictFields.language,
});

/**
 * Starts the verdict on a claim as a draft by the caller (contributor+). A claim has one
 * verdict history: once it has a version, further versions come through `correct`.
 */
export async function createVerdict(
  actor: Actor | null,
  raw: unknown,
): Promise<{ id: number; version: number; seq: number }> {
  return writeTransaction(async (tx) => {
    const who = await authorizeAccount(tx, actor, "content:write");
    const input = parseInput(createVerdictInput, raw);
    const claim = await getClaimOrThrow(tx, input.claimId);
    if (claim.repeatOf !== null)
      throw new ServiceError("conflict", text("errors.verdicts.repeatHasNone", { claim: claim.repeatOf }));
    const [existing] = await tx
      .select({ n: max(verdicts.seq) })
      .from(verdicts)
      .where(eq(verdicts.claimId, input.claimId));
    if (existing?.n) throw new ServiceError("conflict", text("errors.verdicts.exists"));
    const ratingId = await ratingIdFor(tx, input.rating);
    const [row] = await tx
      .insert(verdicts)
      .values({
        claimId: input.claimId,
        seq: 1,
        state: "draft",
        ratingId,
        summary: input.summary,
        rationale: input.rationale,
        language: input.language,
        authorId: who.id,
      })
      .returning();
    await recordAudit(tx, who, { action: "verdict.create", entityType: "verdict", entityId: row!.id, after: row });
    return { id: row!.id, version: row!.version, seq: row!.seq };
  });
}
