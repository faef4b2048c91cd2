import { z } from "zod";
import { comments } from "@/db/schema";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { getClaimOrThrow } from "@/lib/services/claims/get-claim";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema, requiredString } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { issueMessage } from "@/lib/i18n/text";
import { mentionedUsers } from "@/lib/notifications/mentions";
import { notify } from "@/lib/notifications/notify";

export const addCommentInput = z.strictObject({
  claimId: idSchema,
  body: requiredString()
    .trim()
    .min(1, issueMessage("validation.required"))
    .max(5000, issueMessage("validation.maxChars", { max: 5000 })),
});

/**
 * Adds an internal comment to a claim's review conversation (contributor+); never public. The people it mentions
 * (`@ana`, `@ana@desk.example`) are told.
 */
export async function addComment(actor: Actor | null, raw: unknown) {
  return writeTransaction(async (tx) => {
    const who = await authorizeAccount(tx, actor, "content:write");
    const input = parseInput(addCommentInput, raw);
    const claim = await getClaimOrThrow(tx, input.claimId);
    const [row] = await tx
      .insert(comments)
      .values({ claimId: input.claimId, authorId: who.id, body: input.body })
      .returning();
    await recordAudit(tx, who, {
      action: "comment.create",
      entityType: "claim",
      entityId: input.claimId,
      after: { commentId: row!.id },
    });
    await notify(tx, {
      kind: "mentioned",
      to: await mentionedUsers(tx, input.body),
      claimId: claim.id,
      by: who,
      data: { statement: claim.statement, excerpt: input.body },
    });
    return row!;
  });
}
