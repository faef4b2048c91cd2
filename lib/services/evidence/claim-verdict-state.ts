import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { verdicts } from "@/db/schema";
import { ServiceError } from "@/lib/services/errors";

/**
 * Evidence cited by a published verdict changes only within a correction: refuses (409)
 * when the claim has a published verdict and no new version in the works.
 */
export function assertEvidenceEditable(tx: Tx, claimId: number, what: string): void {
  const rows = tx
    .select({ state: verdicts.state })
    .from(verdicts)
    .where(and(eq(verdicts.claimId, claimId), inArray(verdicts.state, ["published", "draft", "in_review"])))
    .all();
  const isPublished = rows.some((r) => r.state === "published");
  const hasOpenVersion = rows.some((r) => r.state !== "published");
  if (isPublished && !hasOpenVersion) {
    throw new ServiceError("conflict", `The published verdict cites this claim's evidence: start a correction to ${what}.`);
  }
}
