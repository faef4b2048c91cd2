import { and, eq, gte, inArray, isNull, notExists, or, type SQLWrapper } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  auditEvents,
  claimantVersions,
  claimEvidence,
  claims,
  disputeAccounts,
  disputeVersions,
  documentVersions,
  type Verdict,
} from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { ServiceError } from "@/lib/services/errors";
import { text } from "@/lib/i18n/text";

/** The audit actions on a claim that change what a verdict is about. */
const SUBJECT_EDITS = [
  "claim.update",
  "claim.reattach",
  "claim.confirm_anchor",
  "evidence.link",
  "evidence.change_stance",
  "evidence.unlink",
  // A repeat joining or leaving: the appearances published with the verdict.
  "claim.repeat_joined",
  "claim.repeat_left",
];

/** The audit actions on a repeat that change the appearance it adds to the verdict of the claim it repeats. */
const APPEARANCE_EDITS = [
  "claim.create",
  "claim.update",
  "claim.reattach",
  "claim.confirm_anchor",
  "claim.link_repeat",
];

/**
 * The second pair of eyes must be a second pair of hands too. Refuses (403) to let an editor publish a verdict version
 * they wrote or edited (an editor may edit a contributor's draft), or when, since the version was started, they changed
 * anything readers will see with it: the claim's statement, claimant, date or quote, its evidence items, links or
 * stances, its repeats (the appearances listed with it) and their quotes, claimants and dates, its rating's words, or
 * the claimant, document or dispute that goes public for the first time with it (the claim's or a repeat's). What
 * was on the desk before the version was started, its author saw and submitted.
 */
export async function assertSecondPair(tx: Tx, who: ActingUser & { id: number }, v: Verdict): Promise<void> {
  const since = gte(auditEvents.at, v.createdAt);
  const on = (entityType: string, ids: number | SQLWrapper, actions?: string[]) =>
    and(
      eq(auditEvents.entityType, entityType),
      typeof ids === "number" ? eq(auditEvents.entityId, ids) : inArray(auditEvents.entityId, ids),
      ...(actions ? [inArray(auditEvents.action, actions)] : []),
    );
  const repeats = tx.select({ id: claims.id }).from(claims).where(eq(claims.repeatOf, v.claimId));
  // The claim and its repeats: whose claimant and document this version may show for the first time.
  const subject = or(eq(claims.id, v.claimId), eq(claims.repeatOf, v.claimId));
  const linkedEvidence = tx
    .select({ id: claimEvidence.evidenceId })
    .from(claimEvidence)
    .where(eq(claimEvidence.claimId, v.claimId));
  // The records this publication makes public for the first time.
  const firstClaimant = tx
    .select({ id: claims.claimantId })
    .from(claims)
    .where(
      and(
        subject,
        notExists(
          tx
            .select({ id: claimantVersions.id })
            .from(claimantVersions)
            .where(eq(claimantVersions.claimantId, claims.claimantId)),
        ),
      ),
    );
  const firstDocument = tx
    .select({ id: claims.documentId })
    .from(claims)
    .where(
      and(
        subject,
        notExists(
          tx
            .select({ id: documentVersions.id })
            .from(documentVersions)
            .where(eq(documentVersions.documentId, claims.documentId)),
        ),
      ),
    );
  const firstDisputes = tx
    .select({ id: disputeAccounts.disputeId })
    .from(disputeAccounts)
    .where(
      and(
        eq(disputeAccounts.claimId, v.claimId),
        notExists(
          tx
            .select({ id: disputeVersions.id })
            .from(disputeVersions)
            .where(and(eq(disputeVersions.disputeId, disputeAccounts.disputeId), isNull(disputeVersions.supersededAt))),
        ),
      ),
    );
  const [edited] = await tx
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorId, who.id),
        or(
          on("verdict", v.id, ["verdict.create", "verdict.update", "verdict.correct"]),
          and(since, on("claim", v.claimId, SUBJECT_EDITS)),
          and(since, on("claim", repeats, APPEARANCE_EDITS)),
          and(since, on("evidence", linkedEvidence, ["evidence.update"])),
          ...(v.ratingId === null ? [] : [and(since, on("rating", v.ratingId, ["rating.update"]))]),
          and(since, on("claimant", firstClaimant)),
          and(since, on("document", firstDocument)),
          and(since, on("dispute", firstDisputes)),
        ),
      ),
    )
    .limit(1);
  if (edited) throw new ServiceError("forbidden", text("errors.verdicts.editedBySelf"));
}
