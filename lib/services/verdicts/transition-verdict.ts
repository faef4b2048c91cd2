import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { comments, verdicts, type Verdict } from "@/db/schema";
import { authorizeAccount, type ActingUser, type Actor } from "@/lib/auth/actor";
import { reportPublicChange } from "@/lib/cache/public-invalidation";
import { recordAudit } from "@/lib/services/audit";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, optionalText, versionSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { decide, STEPS } from "@/lib/workflow/verdict-workflow";
import { getClaimOrThrow } from "@/lib/services/claims/get-claim";
import { publishFirstVersions, snapshotClaim, snapshotRating } from "@/lib/services/publication/published-records";
import { snapshotAppearances } from "./appearances-snapshot";
import { snapshotEvidence } from "./evidence-snapshot";
import { assertSecondPair } from "./second-pair";
import { gateInputFor, getVerdictOrThrow, refusal } from "./load-verdict";
import { missingForPublication } from "./publish-gate";
import { issueMessage, joinedText, text, type Text } from "@/lib/i18n/text";
import { announceStep } from "./announce-step";

export const WORKFLOW_STEPS = STEPS.filter((s) => s !== "edit");

export const transitionVerdictInput = z.strictObject({
  verdictId: idSchema,
  step: z.enum(WORKFLOW_STEPS as [string, ...string[]], {
    error: issueMessage("validation.oneOf", { options: WORKFLOW_STEPS.join(", ") }),
  }),
  /** The version the caller saw: a step on a verdict that changed since is refused (409). */
  version: versionSchema,
  /** request_changes: what the author should change (seen by the author, never public). */
  comment: optionalText(5000),
  /** publish of a correction: the public correction note. */
  note: optionalText(2000),
  /** retract: the public reason. */
  reason: optionalText(2000),
});

const needed = (path: string, message: Text, issue: Text) =>
  new ServiceError("validation_failed", message, [fieldIssue(path, issue)]);

/**
 * Takes one workflow step on a verdict, as `lib/workflow` allows it for the caller's role
 * and authorship: submit, withdraw, request changes (with a comment), publish (through the
 * gate, by an editor who neither wrote nor edited it; a correction needs its public note
 * and supersedes the published version), start a correction (a new draft version), retract
 * (with a public reason), or discard a draft. Returns the verdict version the step produced.
 */
export async function transitionVerdict(actor: Actor | null, raw: unknown): Promise<Verdict> {
  return writeTransaction(async (tx) => {
    const who = await authorizeAccount(tx, actor, "content:write");
    const input = parseInput(transitionVerdictInput, raw);
    const step = input.step as (typeof WORKFLOW_STEPS)[number];
    const before = await getVerdictOrThrow(tx, input.verdictId);
    await assertVersion(tx, before, input.version, { type: "verdict", id: before.id });
    const decision = decide(step, before.state, who.role, before.authorId === who.id);
    if (!decision.allowed) throw refusal(decision);
    if (decision.needs === "comment" && !input.comment)
      throw needed("comment", text("errors.verdicts.missingComment"), text("validation.changeRequest"));
    if (decision.needs === "reason" && !input.reason)
      throw needed("reason", text("errors.verdicts.missingReason"), text("validation.retractionReason"));

    // What readers see changes when a version is published (a correction too) or retracted.
    if (step === "publish" || step === "retract") await reportPublicChange(tx, { claims: [before.claimId] });
    const now = new Date();
    const set = async (changes: Partial<Verdict>): Promise<Verdict> => {
      const [row] = await tx
        .update(verdicts)
        .set({ ...changes, updatedAt: now, version: sql`${verdicts.version} + 1` })
        .where(eq(verdicts.id, before.id))
        .returning();
      return row!;
    };
    let after: Verdict;
    switch (step) {
      case "submit":
      case "withdraw":
        after = await set({ state: decision.to, ...(step === "submit" ? { submittedAt: now } : {}) });
        break;
      case "request_changes":
        await tx.insert(comments).values({
          claimId: before.claimId,
          verdictId: before.id,
          authorId: who.id,
          kind: "changes_requested",
          body: input.comment!,
        });
        after = await set({ state: decision.to, reviewerId: who.id });
        break;
      case "publish":
        after = await publish(tx, who, before, input.note, now);
        break;
      case "correct":
        after = await startCorrection(tx, who, before);
        break;
      case "retract":
        await assertNoOpenVersion(tx, before.claimId, text("errors.verdicts.correctionInWorks"));
        after = await set({ state: decision.to, retractedAt: now, retractionReason: input.reason });
        break;
      case "discard":
        await tx.update(comments).set({ verdictId: null }).where(eq(comments.verdictId, before.id));
        await tx.delete(verdicts).where(eq(verdicts.id, before.id));
        after = before;
        break;
    }
    await recordAudit(tx, who, {
      action: `verdict.${step}`,
      entityType: "verdict",
      entityId: after.id,
      before: step === "correct" ? { correcting: before.id, seq: before.seq } : before,
      after: step === "discard" ? null : { ...after, ...(input.comment ? { comment: input.comment } : {}) },
    });
    await announceStep(tx, who, step, after, input.comment);
    return after;
  });
}

async function publish(
  tx: Tx,
  who: ActingUser & { id: number },
  v: Verdict,
  note: string | null,
  now: Date,
): Promise<Verdict> {
  await assertSecondPair(tx, who, v);
  const missing = missingForPublication(await gateInputFor(tx, v));
  if (v.seq > 1 && !note) missing.push(text("errors.publishGate.correctionNote"));
  if (missing.length > 0) {
    throw new ServiceError(
      "validation_failed",
      joinedText("errors.verdicts.notReady", missing),
      missing.map((m) => fieldIssue("publish", m)),
    );
  }
  // The version this one corrects steps aside first: one published version per claim.
  const superseded = await tx
    .update(verdicts)
    .set({ state: "superseded", updatedAt: now, version: sql`${verdicts.version} + 1` })
    .where(and(eq(verdicts.claimId, v.claimId), eq(verdicts.state, "published")))
    .returning({ id: verdicts.id });
  for (const s of superseded)
    await recordAudit(tx, who, {
      action: "verdict.supersede",
      entityType: "verdict",
      entityId: s.id,
      before: { state: "published" },
      after: { state: "superseded", supersededBy: v.id },
    });
  const evidenceSnapshot = await snapshotEvidence(tx, v.claimId);
  const appearances = await snapshotAppearances(tx, v.claimId);
  // What readers will see: the claim and the rating as they stand now, frozen since the version went to review.
  const claim = await getClaimOrThrow(tx, v.claimId);
  const claimVersionId = await snapshotClaim(tx, claim);
  const ratingVersionId = await snapshotRating(tx, v.ratingId);
  const [published] = await tx
    .update(verdicts)
    .set({
      state: "published",
      reviewerId: who.id,
      publishedAt: now,
      correctionNote: v.seq > 1 ? note : null,
      evidenceSnapshot,
      appearancesSnapshot: appearances.length > 0 ? appearances : null,
      claimVersionId,
      ratingVersionId,
      updatedAt: now,
      version: sql`${verdicts.version} + 1`,
    })
    .where(eq(verdicts.id, v.id))
    .returning();
  await publishFirstVersions(tx, [v.claimId]);
  return published!;
}

async function assertNoOpenVersion(tx: Tx, claimId: number, message: Text): Promise<void> {
  const [open] = await tx
    .select({ id: verdicts.id })
    .from(verdicts)
    .where(and(eq(verdicts.claimId, claimId), inArray(verdicts.state, ["draft", "in_review"])))
    .limit(1);
  if (open) throw new ServiceError("conflict", message);
}

async function startCorrection(tx: Tx, who: ActingUser & { id: number }, published: Verdict): Promise<Verdict> {
  await assertNoOpenVersion(tx, published.claimId, text("errors.verdicts.versionInWorks"));
  const [last] = await tx
    .select({ seq: sql<number>`max(${verdicts.seq})` })
    .from(verdicts)
    .where(eq(verdicts.claimId, published.claimId));
  const [draft] = await tx
    .insert(verdicts)
    .values({
      claimId: published.claimId,
      seq: (last?.seq ?? published.seq) + 1,
      state: "draft",
      ratingId: published.ratingId,
      summary: published.summary,
      rationale: published.rationale,
      language: published.language,
      authorId: who.id,
    })
    .returning();
  return draft!;
}
