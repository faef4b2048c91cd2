import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { comments, verdicts, type Verdict } from "@/db/schema";
import { authorizeAccount, type ActingUser, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { getClaimOrThrow } from "@/lib/services/claims/get-claim";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, optionalText, versionSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { reindexClaims } from "@/lib/search/search-index";
import { decide } from "@/lib/workflow/verdict-workflow";
import { snapshotEvidence } from "./evidence-snapshot";
import { countEvidenceWithUrl, getVerdictOrThrow, refusal } from "./load-verdict";
import { missingForPublication } from "./publish-gate";

export const WORKFLOW_STEPS = ["submit", "withdraw", "request_changes", "publish", "correct", "retract"] as const;

export const transitionVerdictInput = z.strictObject({
  verdictId: idSchema,
  step: z.enum(WORKFLOW_STEPS, { error: `must be one of ${WORKFLOW_STEPS.join(", ")}` }),
  version: versionSchema.optional(),
  /** request_changes: what the author should change (seen by the author, never public). */
  comment: optionalText(5000),
  /** publish of a correction: the public correction note. */
  note: optionalText(2000),
  /** retract: the public reason. */
  reason: optionalText(2000),
});

const needed = (path: string, message: string) => new ServiceError("validation_failed", `Missing ${path}: ${message}.`, [{ path, message }]);

/**
 * Takes one workflow step on a verdict, as `lib/workflow` allows it for the caller's role
 * and authorship: submit, withdraw, request changes (with a comment), publish (through the
 * gate; a correction needs its public note and supersedes the published version), start a
 * correction (a new draft version), or retract (with a public reason). Returns the verdict
 * version the step produced.
 */
export function transitionVerdict(actor: Actor | null, raw: unknown): Verdict {
  return writeTransaction((tx) => {
    const who = authorizeAccount(tx, actor, "content:write");
    const input = parseInput(transitionVerdictInput, raw);
    const before = getVerdictOrThrow(tx, input.verdictId);
    assertVersion(tx, before, input.version, { type: "verdict", id: before.id, label: "verdict" });
    const decision = decide(input.step, before.state, who.role, before.authorId === who.id);
    if (!decision.allowed) throw refusal(decision);

    const now = new Date();
    const set = (changes: Partial<Verdict>) =>
      tx.update(verdicts).set({ ...changes, updatedAt: now, version: sql`${verdicts.version} + 1` }).where(eq(verdicts.id, before.id)).returning().get();
    let after: Verdict;
    switch (input.step) {
      case "submit":
        after = set({ state: "in_review", submittedAt: now });
        break;
      case "withdraw":
        after = set({ state: "draft" });
        break;
      case "request_changes":
        if (!input.comment) throw needed("comment", "say what the author should change");
        tx.insert(comments).values({ claimId: before.claimId, verdictId: before.id, authorId: who.id, kind: "changes_requested", body: input.comment }).run();
        after = set({ state: "draft", reviewerId: who.id });
        break;
      case "publish":
        after = publish(tx, who, before, input.note, now);
        break;
      case "correct":
        after = startCorrection(tx, who, before);
        break;
      case "retract":
        if (!input.reason) throw needed("reason", "a retraction needs a public reason");
        after = set({ state: "retracted", retractedAt: now, retractionReason: input.reason });
        break;
    }
    if (input.step === "publish" || input.step === "retract") reindexClaims(tx, [before.claimId]);
    recordAudit(tx, who, {
      action: `verdict.${input.step}`,
      entityType: "verdict",
      entityId: after.id,
      before: input.step === "correct" ? { correcting: before.id, seq: before.seq } : before,
      after: { ...after, ...(input.comment ? { comment: input.comment } : {}) },
    });
    return after;
  });
}

function publish(tx: Tx, who: ActingUser, v: Verdict, note: string | null, now: Date): Verdict {
  const claim = getClaimOrThrow(tx, v.claimId);
  const missing = missingForPublication({
    hasClaimant: claim.claimantId !== null,
    hasRating: v.ratingId !== null,
    summary: v.summary,
    rationale: v.rationale,
    evidenceWithUrl: countEvidenceWithUrl(tx, v.claimId),
  });
  if (v.seq > 1 && !note) missing.push("a correction note saying what changed (it is published)");
  if (missing.length > 0) {
    throw new ServiceError("validation_failed", `Not ready to publish. Missing: ${missing.join("; ")}.`, missing.map((m) => ({ path: "publish", message: m })));
  }
  // The version this one corrects steps aside first: one published version per claim.
  const superseded = tx
    .update(verdicts)
    .set({ state: "superseded", updatedAt: now, version: sql`${verdicts.version} + 1` })
    .where(and(eq(verdicts.claimId, v.claimId), eq(verdicts.state, "published")))
    .returning({ id: verdicts.id })
    .all();
  for (const s of superseded) recordAudit(tx, who, { action: "verdict.supersede", entityType: "verdict", entityId: s.id, after: { supersededBy: v.id } });
  return tx
    .update(verdicts)
    .set({
      state: "published",
      reviewerId: who.id,
      publishedAt: now,
      correctionNote: v.seq > 1 ? note : null,
      evidenceSnapshot: snapshotEvidence(tx, v.claimId),
      updatedAt: now,
      version: sql`${verdicts.version} + 1`,
    })
    .where(eq(verdicts.id, v.id))
    .returning()
    .get();
}

function startCorrection(tx: Tx, who: ActingUser & { id: number }, published: Verdict): Verdict {
  const open = tx
    .select({ id: verdicts.id })
    .from(verdicts)
    .where(and(eq(verdicts.claimId, published.claimId), sql`${verdicts.state} in ('draft', 'in_review')`))
    .get();
  if (open) throw new ServiceError("conflict", "A new version of this verdict is already in the works: continue that one.");
  const [last] = tx.select({ seq: sql<number>`max(${verdicts.seq})` }).from(verdicts).where(eq(verdicts.claimId, published.claimId)).all();
  return tx
    .insert(verdicts)
    .values({
      claimId: published.claimId,
      seq: (last?.seq ?? published.seq) + 1,
      state: "draft",
      ratingId: published.ratingId,
      summary: published.summary,
      rationale: published.rationale,
      authorId: who.id,
    })
    .returning()
    .get();
}
