import { and, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users, type Verdict } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { mentionedUsers } from "@/lib/notifications/mentions";
import { notify } from "@/lib/notifications/notify";
import { getClaimOrThrow } from "@/lib/services/claims/get-claim";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import type { Step } from "@/lib/workflow/verdict-workflow";

/**
 * Tells people and webhooks of a workflow step, in its transaction: a submitted verdict to the claim's reviewer (or,
 * when none is named or the one named may not review it, to every editor and admin but its author); requested
 * changes and publication, correction or retraction to the verdict's author; the people a change request's comment
 * mentions.
 */
export async function announceStep(
  tx: Tx,
  who: ActingUser,
  step: Step,
  verdict: Verdict,
  comment: string | null = null,
): Promise<void> {
  if (!["submit", "request_changes", "publish", "retract"].includes(step)) return;
  const claim = await getClaimOrThrow(tx, verdict.claimId);
  const base = { claimId: claim.id, by: who, data: { statement: claim.statement } };
  const author = verdict.authorId === null ? [] : [verdict.authorId];
  switch (step) {
    case "submit": {
      const editors = (
        await tx
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.role, ["editor", "admin"]), isNull(users.disabledAt)))
      )
        .map((u) => u.id)
        .filter((id) => !author.includes(id));
      // The named reviewer, while they may review it (still an editor, not its author); else every editor.
      const named = claim.reviewerId !== null && editors.includes(claim.reviewerId) ? [claim.reviewerId] : editors;
      await notify(tx, { ...base, kind: "review_requested", to: named });
      await emitWebhookEvent(tx, "verdict.submitted", { who, claimId: claim.id, verdict });
      return;
    }
    case "request_changes":
      await notify(tx, { ...base, kind: "changes_requested", to: author });
      // The request is a review comment: the others it names are told as of any comment.
      if (comment) {
        const named = (await mentionedUsers(tx, comment)).filter((id) => !author.includes(id));
        await notify(tx, { ...base, kind: "mentioned", to: named, data: { ...base.data, excerpt: comment } });
      }
      return;
    case "publish": {
      const corrected = verdict.seq > 1;
      await notify(tx, { ...base, kind: corrected ? "verdict_corrected" : "verdict_published", to: author });
      await emitWebhookEvent(tx, corrected ? "verdict.corrected" : "verdict.published", {
        who,
        claimId: claim.id,
        verdict,
      });
      return;
    }
    case "retract":
      await notify(tx, { ...base, kind: "verdict_retracted", to: author });
      await emitWebhookEvent(tx, "verdict.retracted", { who, claimId: claim.id, verdict });
  }
}
