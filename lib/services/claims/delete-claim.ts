import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { claimEvidence, claims, comments, disputeAccounts, matchRejections, verdicts } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { decide } from "@/lib/workflow/verdict-workflow";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, versionSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { assertNotInReview } from "@/lib/services/verdicts/subject-guard";
import { getClaimOrThrow } from "./get-claim";
import { firstRepeatOf } from "./repeats";
import { text } from "@/lib/i18n/text";

export const deleteClaimInput = z.strictObject({ claimId: idSchema, version: versionSchema.optional() });

/**
 * Deletes a claim that never had a published verdict (contributor+; with someone else's
 * verdict in the works, its author or an editor), with its unpublished verdicts, evidence
 * links, dispute accounts and comments. A claim whose verdict was ever
 * published stays on the record: correct or retract the verdict instead.
 */
export async function deleteClaim(actor: Actor | null, raw: unknown): Promise<void> {
  await writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(deleteClaimInput, raw);
    const claim = await getClaimOrThrow(tx, input.claimId);
    await assertVersion(tx, claim, input.version, { type: "claim", id: claim.id });
    const [published] = await tx
      .select({ id: verdicts.id })
      .from(verdicts)
      .where(and(eq(verdicts.claimId, claim.id), inArray(verdicts.state, ["published", "superseded", "retracted"])))
      .limit(1);
    if (published) {
      throw new ServiceError("conflict", text("errors.claims.publishedStays"));
    }
    const repeat = await firstRepeatOf(tx, claim.id);
    if (repeat !== null) {
      throw new ServiceError("conflict", text("errors.claims.hasRepeatsDelete", { claim: repeat }));
    }
    if (claim.repeatOf !== null) await assertNotInReview(tx, claim.repeatOf, "deleteRepeat");
    // Deleting the claim discards its verdict in the works: whoever the workflow lets discard it may.
    const [open] = await tx
      .select({ authorId: verdicts.authorId })
      .from(verdicts)
      .where(and(eq(verdicts.claimId, claim.id), inArray(verdicts.state, ["draft", "in_review"])))
      .limit(1);
    if (open && !decide("discard", "draft", who.role, open.authorId === who.id).allowed) {
      throw new ServiceError("forbidden", text("errors.claims.othersVerdict"));
    }
    // Comments first: they may name the verdicts.
    const deletedComments = await tx.delete(comments).where(eq(comments.claimId, claim.id)).returning();
    const deletedVerdicts = await tx.delete(verdicts).where(eq(verdicts.claimId, claim.id)).returning();
    const evidenceLinks = await tx.select().from(claimEvidence).where(eq(claimEvidence.claimId, claim.id));
    const accounts = await tx.select().from(disputeAccounts).where(eq(disputeAccounts.claimId, claim.id));
    const rejections = await tx.delete(matchRejections).where(eq(matchRejections.claimId, claim.id)).returning();
    await tx.delete(claims).where(eq(claims.id, claim.id));
    await recordAudit(tx, who, {
      action: "claim.delete",
      entityType: "claim",
      entityId: claim.id,
      before: {
        ...claim,
        verdicts: deletedVerdicts,
        comments: deletedComments,
        evidenceLinks,
        disputeAccounts: accounts,
        matchRejections: rejections,
      },
    });
    if (claim.repeatOf !== null)
      await recordAudit(tx, who, {
        action: "claim.repeat_left",
        entityType: "claim",
        entityId: claim.repeatOf,
        after: { repeatId: claim.id, deleted: true },
      });
  });
}
