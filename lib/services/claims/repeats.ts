import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { claims, factChecks, matchRejections, verdicts, MATCH_KINDS, type Claim } from "@/db/schema";
import { authorize, type ActingUser, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { assertNotInReview } from "@/lib/services/verdicts/subject-guard";
import { idSchema, versionSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { getClaimOrThrow } from "./get-claim";
import { issueMessage, text } from "@/lib/i18n/text";

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

export const unlinkRepeatInput = z.strictObject({
  claimId: idSchema,
  version: versionSchema.optional(),
  /** The claim it repeats as the caller saw it: if it was linked elsewhere since, nothing changes (409). */
  of: idSchema.optional(),
});

export const rejectMatchInput = z.strictObject({
  claimId: idSchema,
  kind: z.enum(MATCH_KINDS, { error: issueMessage("validation.oneOf", { options: MATCH_KINDS.join(", ") }) }),
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
  await assertNotInReview(tx, root.id, "linkRepeat");
  return root;
}

/** A claim linked as a repeat of this one, if there is any. */
export async function firstRepeatOf(tx: Tx, claimId: number): Promise<number | null> {
  const [repeat] = await tx.select({ id: claims.id }).from(claims).where(eq(claims.repeatOf, claimId)).limit(1);
  return repeat?.id ?? null;
}

/**
 * The audit events of a link changing: on the repeat, and on the claim it joins or leaves — whose verdict's next
 * version will list it, or no longer (its timeline shows it, and the second-editor rule reads it there).
 */
export async function recordRepeatLink(
  tx: Tx,
  who: ActingUser,
  repeatId: number,
  from: number | null,
  to: number | null,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(tx, who, {
    action: to === null ? "claim.unlink_repeat" : "claim.link_repeat",
    entityType: "claim",
    entityId: repeatId,
    before: { repeatOf: from, ...extra },
    after: { repeatOf: to },
  });
  for (const [root, action] of [
    [from, "claim.repeat_left"],
    [to, "claim.repeat_joined"],
  ] as const) {
    if (root !== null) await recordAudit(tx, who, { action, entityType: "claim", entityId: root, after: { repeatId } });
  }
}

/** Links a claim as a repeat of another (contributor+): the claim must have no verdict and no repeats of its own. */
export async function linkRepeat(actor: Actor | null, raw: unknown): Promise<Claim> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "content:write");
    const input = parseInput(linkRepeatInput, raw);
    const claim = await getClaimOrThrow(tx, input.claimId);
    await assertVersion(tx, claim, input.version, { type: "claim", id: claim.id });
    const root = await repeatTarget(tx, input.of);
    if (root.id === claim.id) throw new ServiceError("validation_failed", text("errors.claims.selfRepeat"));
    if (claim.repeatOf === root.id) return claim;
    if (claim.repeatOf !== null) await assertNotInReview(tx, claim.repeatOf, "moveRepeat");
    const [verdict] = await tx
      .select({ id: verdicts.id })
      .from(verdicts)
      .where(eq(verdicts.claimId, claim.id))
      .limit(1);
    if (verdict) {
      throw new ServiceError("conflict", text("errors.claims.ownVerdict"));
    }
    const repeat = await firstRepeatOf(tx, claim.id);
    if (repeat !== null) {
      throw new ServiceError("conflict", text("errors.claims.hasRepeatsLink", { claim: repeat }));
    }
    const after = await setRepeatOf(tx, claim, root.id);
    // Saying they are the same claim withdraws an earlier "not the same".
    const withdrawn = await tx.delete(matchRejections).where(pairRejections(claim.id, root.id)).returning();
    await recordRepeatLink(tx, who, claim.id, claim.repeatOf, root.id, {
      ...(withdrawn.length > 0 ? { matchRejections: withdrawn } : {}),
      ...(claim.assigneeId !== null || claim.reviewerId !== null || claim.dueAt !== null
        ? {
            assignment: {
              assigneeId: claim.assigneeId,
              reviewerId: claim.reviewerId,
              dueAt: claim.dueAt,
              priority: claim.priority,
            },
          }
        : {}),
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
    await assertVersion(tx, claim, input.version, { type: "claim", id: claim.id });
    if (claim.repeatOf === null) throw new ServiceError("conflict", text("errors.claims.notRepeat"));
    if (input.of !== undefined && input.of !== claim.repeatOf)
      throw new ServiceError("conflict", text("errors.claims.relinked", { claim: claim.repeatOf }));
    await assertNotInReview(tx, claim.repeatOf, "unlinkRepeat");
    const after = await setRepeatOf(tx, claim, null);
    await recordRepeatLink(tx, who, claim.id, claim.repeatOf, null);
    return after;
  });
}

/** A repeat's work is the claim it repeats: linking one clears its own assignment (its audit event keeps it). */
const NO_ASSIGNMENT = { assigneeId: null, reviewerId: null, dueAt: null, priority: "normal" } as const;

async function setRepeatOf(tx: Tx, claim: Claim, repeatOf: number | null): Promise<Claim> {
  const [row] = await tx
    .update(claims)
    .set({
      repeatOf,
      ...(repeatOf === null ? {} : NO_ASSIGNMENT),
      updatedAt: new Date(),
      version: sql`${claims.version} + 1`,
    })
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
      if (other.id === claim.id) throw new ServiceError("validation_failed", text("errors.claims.matchesItself"));
      if ((other.repeatOf ?? other.id) === (claim.repeatOf ?? claim.id)) {
        throw new ServiceError("conflict", text("errors.claims.sameRoot"));
      }
    } else {
      const [known] = await tx
        .select({ id: factChecks.id })
        .from(factChecks)
        .where(eq(factChecks.id, input.id))
        .limit(1);
      if (!known) throw new ServiceError("not_found", text("errors.claims.noFactCheck", { id: input.id }));
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
