import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { claimEvidence, verdicts } from "@/db/schema";
import { ServiceError } from "@/lib/services/errors";

/**
 * A claim's evidence changes only while its verdict is being drafted: refuses (409) while a
 * verdict is in review (the reviewer must publish what they reviewed) and when the claim has
 * a published verdict with no new version in the works (it changes only within a correction).
 */
export async function assertEvidenceEditable(tx: Tx, claimId: number, what: string): Promise<void> {
  const rows = await tx
    .select({ state: verdicts.state })
    .from(verdicts)
    .where(and(eq(verdicts.claimId, claimId), inArray(verdicts.state, ["published", "draft", "in_review"])));
  if (rows.some((r) => r.state === "in_review")) {
    throw new ServiceError("conflict", `A verdict on this claim is in review: take it back from review to ${what}.`);
  }
  const isPublished = rows.some((r) => r.state === "published");
  const hasDraft = rows.some((r) => r.state === "draft");
  if (isPublished && !hasDraft) {
    throw new ServiceError(
      "conflict",
      `The published verdict cites this claim's evidence: start a correction to ${what}.`,
    );
  }
}

/** The same rule for an evidence item, checked on every claim it is linked to. */
export async function assertItemEditable(tx: Tx, evidenceId: number): Promise<void> {
  const links = await tx
    .select({ claimId: claimEvidence.claimId })
    .from(claimEvidence)
    .where(eq(claimEvidence.evidenceId, evidenceId));
  for (const { claimId } of links) {
    await assertEvidenceEditable(tx, claimId, "edit this evidence item");
  }
}
