import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { claimEvidence, claims, users, verdicts } from "@/db/schema";
import { ServiceError } from "@/lib/services/errors";
import { text } from "@/lib/i18n/text";

const day = (d: Date) => d.toISOString().slice(0, 10);

type VersionRow = { state: string; seq: number; submittedAt: Date | null; author: string };

async function verdictRows(tx: Tx, claimId: number): Promise<VersionRow[]> {
  return tx
    .select({ state: verdicts.state, seq: verdicts.seq, submittedAt: verdicts.submittedAt, author: users.name })
    .from(verdicts)
    .innerJoin(users, eq(users.id, verdicts.authorId))
    .where(and(eq(verdicts.claimId, claimId), inArray(verdicts.state, ["published", "draft", "in_review"])));
}

/** What a refused change would have done, named in the refusal (`errors.verdicts.inReview`'s `action`). */
export type SubjectChange =
  | "editEvidence"
  | "changeClaim"
  | "moveQuote"
  | "deleteRepeat"
  | "linkRepeat"
  | "moveRepeat"
  | "unlinkRepeat"
  | "addEvidence"
  | "changeStance"
  | "unlinkEvidence";

function refuseInReview(rows: VersionRow[], whose: "this" | "repeated", action: SubjectChange): void {
  const inReview = rows.find((r) => r.state === "in_review");
  if (!inReview) return;
  const values = { seq: inReview.seq, whose, author: inReview.author, action };
  throw new ServiceError(
    "conflict",
    inReview.submittedAt
      ? text("errors.verdicts.inReviewSince", { ...values, day: day(inReview.submittedAt) })
      : text("errors.verdicts.inReview", values),
  );
}

/**
 * Refuses (409) while a version of the claim's verdict is in review: the reviewer publishes what they reviewed —
 * its claim, evidence, and the appearances of its repeats.
 */
export async function assertNotInReview(tx: Tx, claimId: number, action: SubjectChange): Promise<void> {
  refuseInReview(await verdictRows(tx, claimId), "this", action);
}

/**
 * What a verdict is about — the claim's statement, claimant, date and quote, its evidence and their stances — changes
 * only while a verdict on it is being drafted, so that readers see only what a second editor published:
 * - while a version is in review it is frozen (409 naming the review): the reviewer publishes what they reviewed;
 * - once a version is published, it changes only within a correction (409 until one is started), and reaches readers
 *   when the correction is published.
 * A claim with no verdict, or only a draft, or whose verdict was retracted, can change freely — except a repeat, one
 * more appearance of the claim it repeats, which is frozen while that claim's verdict is in review (its changes reach
 * readers with that verdict's next published version).
 */
export async function assertSubjectEditable(tx: Tx, claimId: number, action: SubjectChange): Promise<void> {
  const [claim] = await tx.select({ repeatOf: claims.repeatOf }).from(claims).where(eq(claims.id, claimId)).limit(1);
  if (claim?.repeatOf != null) refuseInReview(await verdictRows(tx, claim.repeatOf), "repeated", action);
  const rows = await verdictRows(tx, claimId);
  refuseInReview(rows, "this", action);
  const isPublished = rows.some((r) => r.state === "published");
  const hasDraft = rows.some((r) => r.state === "draft");
  if (isPublished && !hasDraft) {
    throw new ServiceError("conflict", text("errors.verdicts.publishedSubject", { action }));
  }
}

/** The same rule for an evidence item, checked on every claim it is linked to. */
export async function assertItemEditable(tx: Tx, evidenceId: number): Promise<void> {
  const links = await tx
    .select({ claimId: claimEvidence.claimId })
    .from(claimEvidence)
    .where(eq(claimEvidence.evidenceId, evidenceId));
  for (const { claimId } of links) {
    await assertSubjectEditable(tx, claimId, "editEvidence");
  }
}
