import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { claims } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { claimantRefInput } from "@/lib/services/claimants/claimant-input";
import { resolveClaimant } from "@/lib/services/claimants/resolve-claimant";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import {
  idSchema,
  optionalDateSchema,
  optionalLanguageSchema,
  requiredString,
  versionSchema,
} from "@/lib/validation/common";
import { parseInput, sentFields } from "@/lib/validation/parse";
import { getClaimOrThrow } from "./get-claim";
import { assertSubjectEditable } from "@/lib/services/verdicts/subject-guard";
import { issueMessage } from "@/lib/i18n/text";
import {
  announceAssignment,
  ASSIGNMENT_KEYS,
  assignmentChanges,
  assignmentFields,
  checkAssignment,
} from "./assignment";

export const updateClaimInput = z.strictObject({
  claimId: idSchema,
  version: versionSchema.optional(),
  claimant: claimantRefInput.optional(),
  statement: requiredString()
    .trim()
    .min(1, issueMessage("validation.required"))
    .max(500, issueMessage("validation.maxChars", { max: 500 }))
    .optional(),
  claimedAt: optionalDateSchema,
  /** The language the claim was made in; null: its document's. */
  language: optionalLanguageSchema,
  ...assignmentFields,
});

const CONTENT_KEYS = ["claimant", "statement", "claimedAt", "language"] as const;

/**
 * Changes who made a claim, its normalised statement, its date or its language (contributor+); and who works on it,
 * who reviews it, by when and how urgently (`./assignment.ts`: editors, or a contributor taking an unassigned claim).
 * Only the content is frozen while a verdict is in review; the assignment may change at any time.
 */
export async function updateClaim(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(updateClaimInput, raw);
    const before = await getClaimOrThrow(tx, input.claimId);
    await assertVersion(tx, before, input.version, { type: "claim", id: before.id });
    const assignment = assignmentChanges(before, sentFields(raw, input, ASSIGNMENT_KEYS));
    await checkAssignment(tx, who, before, assignment);
    const content = Object.keys(sentFields(raw, input, CONTENT_KEYS)).length > 0;
    // Nothing to change (an assignment form saved as it was): no new version, no audit event.
    if (!content && Object.keys(assignment).length === 0) return before;
    if (content) await assertSubjectEditable(tx, before.id, "changeClaim");
    const claimantId = input.claimant ? await resolveClaimant(tx, who, input.claimant) : before.claimantId;
    const [after] = await tx
      .update(claims)
      .set({
        ...sentFields(raw, input, ["claimedAt", "language"]),
        ...assignment,
        claimantId,
        statement: input.statement ?? before.statement,
        updatedAt: new Date(),
        version: sql`${claims.version} + 1`,
      })
      .where(eq(claims.id, before.id))
      .returning();
    await recordAudit(tx, who, { action: "claim.update", entityType: "claim", entityId: before.id, before, after });
    await announceAssignment(tx, who, after!, assignment);
    return after!;
  });
}
