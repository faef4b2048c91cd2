import { and, count, eq, sql } from "drizzle-orm";
import { getDb, type DB, type Tx } from "@/db/client";
import { claimEvidence, claims, evidence, ratings, verdicts, type Verdict } from "@/db/schema";
import { text, type Translate } from "@/lib/i18n/text";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { verdictFields } from "./verdict-input";
import type { z } from "zod";
import type { Decision } from "@/lib/workflow/verdict-workflow";
import { missingForPublication, type GateInput } from "./publish-gate";

/** A verdict version by id, or 404. */
export async function getVerdictOrThrow(tx: Tx, verdictId: number): Promise<Verdict> {
  const [v] = await tx.select().from(verdicts).where(eq(verdicts.id, verdictId)).limit(1);
  if (!v) throw new ServiceError("not_found", text("errors.verdicts.notFound", { id: verdictId }));
  return v;
}

/** The id of the rating with this key; an unknown key is a 422 naming `rating`. */
export async function ratingIdFor(tx: Tx, key: z.output<typeof verdictFields.rating>): Promise<number | null> {
  if (key === null) return null;
  const [row] = await tx.select({ id: ratings.id }).from(ratings).where(eq(ratings.key, key)).limit(1);
  if (!row)
    throw new ServiceError("validation_failed", text("errors.verdicts.unknownRating", { key }), [
      fieldIssue("rating", text("validation.notOnScale")),
    ]);
  return row.id;
}

/** What the publish gate looks at for one verdict version: used by the service and by the claim page alike. */
export async function gateInputFor(
  db: DB | Tx,
  v: Pick<Verdict, "claimId" | "ratingId" | "summary" | "rationale">,
): Promise<GateInput> {
  const [claim] = await db
    .select({ claimantId: claims.claimantId, anchorStatus: claims.anchorStatus })
    .from(claims)
    .where(eq(claims.id, v.claimId))
    .limit(1);
  const [row] = await db
    .select({ n: count() })
    .from(claimEvidence)
    .innerJoin(evidence, eq(evidence.id, claimEvidence.evidenceId))
    .where(and(eq(claimEvidence.claimId, v.claimId), sql`lower(${evidence.url}) like 'http%'`));
  return {
    hasClaimant: Boolean(claim?.claimantId),
    isAnchored: claim?.anchorStatus === "anchored",
    hasRating: v.ratingId !== null,
    summary: v.summary,
    rationale: v.rationale,
    evidenceWithUrl: row?.n ?? 0,
  };
}

/**
 * What a verdict version still lacks for publication, as the claim page shows it (outside any transaction): in the
 * language of `t` (the page's `getTranslations()`), English without one.
 */
export async function missingForPublicationOf(
  v: Pick<Verdict, "claimId" | "ratingId" | "summary" | "rationale">,
  t?: Translate,
): Promise<string[]> {
  return missingForPublication(await gateInputFor(getDb(), v)).map((m) => (t ? m.in(t) : String(m)));
}

/**
 * A workflow refusal as an error: 409 when the verdict's state does not allow the step, 403 when the caller may not.
 */
export function refusal(decision: Extract<Decision, { allowed: false }>): ServiceError {
  return new ServiceError(decision.kind === "state" ? "conflict" : "forbidden", decision.reason);
}
