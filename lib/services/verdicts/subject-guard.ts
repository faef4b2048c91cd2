import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { claimEvidence, users, verdicts } from "@/db/schema";
import { ServiceError } from "@/lib/services/errors";

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * What a verdict is about — the claim's statement, claimant, date and quote, its evidence and their stances — changes
 * only while a verdict on it is being drafted, so that readers see only what a second editor published:
 * - while a version is in review it is frozen (409 naming the review): the reviewer publishes what they reviewed;
 * - once a version is published, it changes only within a correction (409 until one is started), and reaches readers
 *   when the correction is published.
 * A claim with no verdict, or only a draft, or whose verdict was retracted, can change freely.
 */
export async function assertSubjectEditable(tx: Tx, claimId: number, what: string): Promise<void> {
  const rows = await tx
    .select({ state: verdicts.state, seq: verdicts.seq, submittedAt: verdicts.submittedAt, author: users.name })
    .from(verdicts)
    .innerJoin(users, eq(users.id, verdicts.authorId))
    .where(and(eq(verdicts.claimId, claimId), inArray(verdicts.state, ["published", "draft", "in_review"])));
  const inReview = rows.find((r) => r.state === "in_review");
  if (inReview) {
    const submitted = inReview.submittedAt ? ` on ${day(inReview.submittedAt)}` : "";
    throw new ServiceError(
      "conflict",
      `Version ${inReview.seq} of this claim's verdict is in review (submitted by ${inReview.author}${submitted}): ` +
        `what it is about is frozen until it is published or sent back. Withdraw it, or ask the reviewer to request ` +
        `changes, to ${what}.`,
    );
  }
  const isPublished = rows.some((r) => r.state === "published");
  const hasDraft = rows.some((r) => r.state === "draft");
  if (isPublished && !hasDraft) {
    throw new ServiceError(
      "conflict",
      `This claim's verdict is published: start a correction to ${what}. Readers see the change when a second editor publishes the correction.`,
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
    await assertSubjectEditable(tx, claimId, "edit this evidence item");
  }
}
