import { and, count, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { claimEvidence, evidence, ratings, verdicts, type Verdict } from "@/db/schema";
import { ServiceError } from "@/lib/services/errors";
import { verdictFields } from "./verdict-input";
import type { z } from "zod";
import type { Decision } from "@/lib/workflow/verdict-workflow";

/** A verdict version by id, or 404. */
export function getVerdictOrThrow(tx: Tx, verdictId: number): Verdict {
  const v = tx.select().from(verdicts).where(eq(verdicts.id, verdictId)).get();
  if (!v) throw new ServiceError("not_found", `No verdict with id ${verdictId}.`);
  return v;
}

/** The id of the rating with this key; an unknown key is a 422 naming `rating`. */
export function ratingIdFor(tx: Tx, key: z.output<typeof verdictFields.rating>): number | null {
  if (key === null) return null;
  const row = tx.select({ id: ratings.id }).from(ratings).where(eq(ratings.key, key)).get();
  if (!row) throw new ServiceError("validation_failed", `There is no rating “${key}” on the scale.`, [{ path: "rating", message: "is not on the rating scale" }]);
  return row.id;
}

/** How many of the claim's evidence items have a URL (all do; kept as a gate against bad data). */
export function countEvidenceWithUrl(tx: Tx, claimId: number): number {
  const [row] = tx
    .select({ n: count() })
    .from(claimEvidence)
    .innerJoin(evidence, eq(evidence.id, claimEvidence.evidenceId))
    .where(and(eq(claimEvidence.claimId, claimId)))
    .all();
  return row?.n ?? 0;
}

/** A workflow refusal as an error: 409 when the verdict's state does not allow the step, 403 when the caller may not. */
export function refusal(decision: Extract<Decision, { allowed: false }>): ServiceError {
  return new ServiceError(decision.kind === "state" ? "conflict" : "forbidden", decision.reason);
}
