import { and, asc, eq, inArray, isNotNull, max, min } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import {
  claimants,
  claims,
  disputeAccounts,
  disputes,
  documents,
  ratings,
  users,
  verdicts,
  type EvidenceSnapshotItem,
} from "@/db/schema";
import { ratingColumns, ratingOf, type CorrectionView } from "@/db/queries/shapes";

const reviewers = alias(users, "reviewers");

/** The true–false order of the scale: ClaimReview's worst and best rating values. */
export async function getRatingBounds(): Promise<{ worst: number; best: number } | null> {
  const [row] = await getDb()
    .select({ worst: min(ratings.ordinal), best: max(ratings.ordinal) })
    .from(ratings)
    .where(isNotNull(ratings.ordinal));
  return row?.worst && row.best && row.worst < row.best ? { worst: row.worst, best: row.best } : null;
}

export type PublicClaim = NonNullable<Awaited<ReturnType<typeof getPublicClaim>>>;

/**
 * A claim as readers see it, or null when nothing about it is public. Public means: its
 * verdict is published (the current version), or was published and then retracted — then
 * only the retraction notice is shown, never the retracted verdict's body. Drafts, versions
 * in review, comments and the audit log are never read here.
 */
export async function getPublicClaim(slug: string) {
  const db = getDb();
  const [claim] = await db
    .select({
      id: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      quote: claims.quote,
      prefix: claims.prefix,
      suffix: claims.suffix,
      claimedAt: claims.claimedAt,
      claimant: {
        name: claimants.name,
        slug: claimants.slug,
        description: claimants.description,
        sameAs: claimants.sameAs,
        kind: claimants.kind,
      },
      document: {
        slug: documents.slug,
        title: documents.title,
        sourceUrl: documents.sourceUrl,
        publisher: documents.publisher,
        publishedAt: documents.publishedAt,
      },
    })
    .from(claims)
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(eq(claims.slug, slug))
    .limit(1);
  if (!claim) return null;

  const history = await db
    .select({
      seq: verdicts.seq,
      state: verdicts.state,
      ...ratingColumns,
      ratingDescription: ratings.description,
      summary: verdicts.summary,
      rationale: verdicts.rationale,
      correctionNote: verdicts.correctionNote,
      retractionReason: verdicts.retractionReason,
      evidence: verdicts.evidenceSnapshot,
      authorName: users.name,
      reviewerName: reviewers.name,
      publishedAt: verdicts.publishedAt,
      retractedAt: verdicts.retractedAt,
      updatedAt: verdicts.updatedAt,
    })
    .from(verdicts)
    .innerJoin(users, eq(users.id, verdicts.authorId))
    .leftJoin(reviewers, eq(reviewers.id, verdicts.reviewerId))
    .leftJoin(ratings, eq(ratings.id, verdicts.ratingId))
    .where(and(eq(verdicts.claimId, claim.id), inArray(verdicts.state, ["published", "superseded", "retracted"])))
    .orderBy(asc(verdicts.seq));
  const verdict = history.find((v) => v.state === "published") ?? null;
  const retraction = !verdict ? history.findLast((v) => v.state === "retracted" && v.publishedAt !== null) : undefined;
  if (!verdict && !retraction) return null;

  // The corrections log: each published correction's note, and a retraction's reason.
  const corrections: CorrectionView[] = [
    ...history
      .filter((v) => v.seq > 1 && v.correctionNote && v.publishedAt)
      .map((v) => ({ kind: "correction" as const, at: v.publishedAt!, text: v.correctionNote! })),
    ...history
      .filter((v) => v.state === "retracted" && v.retractedAt)
      .map((v) => ({ kind: "retraction" as const, at: v.retractedAt!, text: v.retractionReason ?? "" })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const firstPublished = history.find((v) => v.publishedAt)?.publishedAt ?? null;

  const publicDisputes = await db
    .select({ slug: disputes.slug, question: disputes.question, label: disputeAccounts.label })
    .from(disputeAccounts)
    .innerJoin(disputes, eq(disputes.id, disputeAccounts.disputeId))
    .where(eq(disputeAccounts.claimId, claim.id));

  return {
    ...claim,
    verdict: verdict && {
      rating: verdict.ratingKey ? { ...ratingOf(verdict)!, description: verdict.ratingDescription ?? "" } : null,
      summary: verdict.summary,
      rationale: verdict.rationale,
      evidence: (verdict.evidence ?? []) as EvidenceSnapshotItem[],
      authorName: verdict.authorName,
      reviewerName: verdict.reviewerName,
      publishedAt: verdict.publishedAt!,
      firstPublishedAt: firstPublished,
      seq: verdict.seq,
    },
    retraction: retraction ? { at: retraction.retractedAt!, reason: retraction.retractionReason ?? "" } : null,
    corrections,
    disputes: publicDisputes,
  };
}
