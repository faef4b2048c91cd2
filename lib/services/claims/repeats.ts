import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { claims, factChecks, matchRejections, verdicts, MATCH_KINDS, type Claim } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, versionSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { getClaimOrThrow } from "./get-claim";

// A repeat is a highlight that says again what an earlier claim of the desk said: in another document, in other
// words, by the same or another claimant. It stays a claim of its own (its document, quote, claimant, date, its place
// kept through edits), linked by `repeat_of` to the claim that has the verdict, and becomes one more appearance of that
// claim. Readers see the appearances a published verdict version lists (`verdicts.appearances_snapshot`, written at
// publication): linking or unlinking reaches them only with the next version a second editor publishes.

export const linkRepeatInput = z.strictObject({
  claimId: idSchema,
  /** The claim this one repeats (if it is itself a repeat, the claim it repeats). */
  of: idSchema,
  version: versionSchema.optional(),
});

export const unlinkRepeatInput = z.strictObject({ claimId: idSchema, version: versionSchema.optional() });

export const rejectMatchInput = z.strictObject({
  claimId: idSchema,
  kind: z.enum(MATCH_KINDS, { error: `must be one of ${MATCH_KINDS.join(", ")}` }),
  /** The suggested claim's or known fact-check's id. */
  id: idSchema,
});

/**
 * The claim a new repeat of `targetId` is linked to — the target, or the claim it is itself a repeat of — after
 * checking it may gain one: 404 for no such claim, 409 while a version of its verdict is in review (the reviewer
 * publishes the appearances they reviewed).
 */
export async function repeatTarget(tx: Tx, targetId: number): Promise<Claim> {
  const target = await getClaimOrThrow(tx, targetId);
  const root = target.repeatOf === null ? target : await getClaimOrThrow(tx, target.repeatOf);
  await assertNotInReview(tx, root.id);
  return root;
}

async function assertNotInReview(tx: Tx, claimId: number): Promise<void> {
  const [inReview] = await tx
    .select({ seq: verdicts.seq })
    .from(verdicts)
    .where(and(eq(verdicts.claimId, claimId), eq(verdicts.state, "in_review")))
    .limit(1);
  if (inReview) {
    throw new ServiceError(
      "conflict",
      `Version ${inReview.seq} of the verdict on claim ${claimId} is in review: its appearances are frozen until it ` +
        "is published or sent back.",
    );
  }
}

/** Links a claim as a repeat of another (contributor+): the claim must have no verdict and no repeats of its own. */
export async function linkRepeat(actor: Actor | null, raw: unknown): Promise<Claim> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(linkRepeatInput, raw);
    const claim = await getClaimOrThrow(tx, input.claimId);
    await assertVersion(tx, claim, input.version, { type: "claim", id: claim.id, label: "claim" });
    const root = await repeatTarget(tx, input.of);
    if (root.id === claim.id) throw new ServiceError("validation_failed", "A claim cannot be a repeat of itself.");
    if (claim.repeatOf === root.id) return claim;
    if (claim.repeatOf !== null) await assertNotInReview(tx, claim.repeatOf);
    const [verdict] = await tx
      .select({ id: verdicts.id })
      .from(verdicts)
      .where(eq(verdicts.claimId, claim.id))
      .limit(1);
    if (verdict) {
      throw new ServiceError(
        "conflict",
        "This claim has a verdict of its own, so it cannot become a repeat: a repeat shares the verdict of the claim " +
          "it repeats.",
      );
    }
    const [repeat] = await tx.select({ id: claims.id }).from(claims).where(eq(claims.repeatOf, claim.id)).limit(1);
    if (repeat) {
      throw new ServiceError(
        "conflict",
        `Claim ${repeat.id} is linked as a repeat of this one: unlink its repeats before linking it to another claim.`,
      );
    }
    const after = await setRepeatOf(tx, claim, root.id);
    // Saying they are the same claim withdraws an earlier "not the same".
    await tx.delete(matchRejections).where(pairRejections(claim.id, root.id));
    await recordAudit(tx, who, {
      action: "claim.link_repeat",
      entityType: "claim",
      entityId: claim.id,
      before: { repeatOf: claim.repeatOf },
      after: { repeatOf: root.id },
    });
    return after;
  });
}

/** Makes a repeat a claim of its own again (contributor+). */
export async function unlinkRepeat(actor: Actor | null, raw: unknown): Promise<Claim> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(unlinkRepeatInput, raw);
    const claim = await getClaimOrThrow(tx, input.claimId);
    await assertVersion(tx, claim, input.version, { type: "claim", id: claim.id, label: "claim" });
    if (claim.repeatOf === null) throw new ServiceError("conflict", "This claim is not linked as a repeat.");
    await assertNotInReview(tx, claim.repeatOf);
    const after = await setRepeatOf(tx, claim, null);
    await recordAudit(tx, who, {
      action: "claim.unlink_repeat",
      entityType: "claim",
      entityId: claim.id,
      before: { repeatOf: claim.repeatOf },
      after: { repeatOf: null },
    });
    return after;
  });
}

async function setRepeatOf(tx: Tx, claim: Claim, repeatOf: number | null): Promise<Claim> {
  const [row] = await tx
    .update(claims)
    .set({ repeatOf, updatedAt: new Date(), version: sql`${claims.version} + 1` })
    .where(eq(claims.id, claim.id))
    .returning();
  return row!;
}

/** The rejections between two of the desk's claims, in either direction. */
const pairRejections = (a: number, b: number) =>
  sql`${matchRejections.kind} = 'claim' and ((${matchRejections.claimId} = ${a} and ${matchRejections.candidateId} = ${b})
    or (${matchRejections.claimId} = ${b} and ${matchRejections.candidateId} = ${a}))`;

/**
 * Records that a suggested match is not the same claim (contributor+), so that it is not suggested again for this
 * claim (nor, for two of the desk's claims, the other way round). Saying it twice changes nothing.
 */
export async function rejectMatch(actor: Actor | null, raw: unknown): Promise<{ created: boolean }> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(rejectMatchInput, raw);
    const claim = await getClaimOrThrow(tx, input.claimId);
    if (input.kind === "claim") {
      const other = await getClaimOrThrow(tx, input.id);
      if (other.id === claim.id) throw new ServiceError("validation_failed", "A claim always matches itself.");
      if (other.repeatOf === claim.id || claim.repeatOf === other.id) {
        throw new ServiceError("conflict", "These claims are linked as repeats: unlink them instead.");
      }
    } else {
      const [known] = await tx
        .select({ id: factChecks.id })
        .from(factChecks)
        .where(eq(factChecks.id, input.id))
        .limit(1);
      if (!known) throw new ServiceError("not_found", `No known fact-check with id ${input.id}.`);
    }
    const inserted = await tx
      .insert(matchRejections)
      .values({ claimId: claim.id, kind: input.kind, candidateId: input.id, rejectedBy: who.id })
      .onConflictDoNothing()
      .returning({ id: matchRejections.id });
    if (inserted.length > 0) {
      await recordAudit(tx, who, {
        action: "match.reject",
        entityType: "claim",
        entityId: claim.id,
        after: { kind: input.kind, candidateId: input.id },
      });
    }
    return { created: inserted.length > 0 };
  });
}
