import { and, asc, eq, inArray, isNotNull, isNull, max, min, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import {
  claimantVersions,
  claims,
  claimVersions,
  disputeVersionAccounts,
  disputeVersions,
  documentVersions,
  ratings,
  ratingVersions,
  users,
  verdicts,
  type AppearanceSnapshotItem,
  type EvidenceSnapshotItem,
} from "@/db/schema";
import { publicAppearance } from "@/db/queries/appearances";
import { ratingOf, type CorrectionView } from "@/db/queries/shapes";

const reviewers = alias(users, "reviewers");

/**
 * What a published verdict version presents: the claim as it was published, with its claimant and document as they
 * are published now (a claimant's name corrected and published shows on every verdict of theirs).
 */
async function publishedSubject(claimVersionId: number) {
  const [row] = await getDb()
    .select({
      statement: claimVersions.statement,
      /** The language the claim was made in, as published (else its document's). */
      language: sql<string | null>`coalesce(${claimVersions.language}, ${documentVersions.language})`,
      quote: claimVersions.quote,
      prefix: claimVersions.prefix,
      suffix: claimVersions.suffix,
      claimedAt: claimVersions.claimedAt,
      claimant: {
        name: claimantVersions.name,
        slug: claimantVersions.slug,
        description: claimantVersions.description,
        sameAs: claimantVersions.sameAs,
        kind: claimantVersions.kind,
      },
      document: {
        slug: documentVersions.slug,
        title: documentVersions.title,
        sourceUrl: documentVersions.sourceUrl,
        publisher: documentVersions.publisher,
        publishedAt: documentVersions.publishedAt,
      },
    })
    .from(claimVersions)
    .innerJoin(claims, eq(claims.id, claimVersions.claimId))
    .innerJoin(
      claimantVersions,
      and(eq(claimantVersions.claimantId, claimVersions.claimantId), isNull(claimantVersions.supersededAt)),
    )
    .innerJoin(
      documentVersions,
      and(eq(documentVersions.documentId, claims.documentId), isNull(documentVersions.supersededAt)),
    )
    .where(eq(claimVersions.id, claimVersionId))
    .limit(1);
  return row!;
}

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
    .select({ id: claims.id, slug: claims.slug })
    .from(claims)
    .where(eq(claims.slug, slug))
    .limit(1);
  if (!claim) return null;

  const history = await db
    .select({
      seq: verdicts.seq,
      state: verdicts.state,
      claimVersionId: verdicts.claimVersionId,
      ratingKey: ratingVersions.key,
      ratingLabel: ratingVersions.label,
      ratingColour: ratingVersions.colour,
      ratingOrdinal: ratingVersions.ordinal,
      ratingDescription: ratingVersions.description,
      ratingTranslations: ratingVersions.translations,
      summary: verdicts.summary,
      rationale: verdicts.rationale,
      language: verdicts.language,
      correctionNote: verdicts.correctionNote,
      retractionReason: verdicts.retractionReason,
      evidence: verdicts.evidenceSnapshot,
      appearances: verdicts.appearancesSnapshot,
      authorName: users.name,
      reviewerName: reviewers.name,
      publishedAt: verdicts.publishedAt,
      retractedAt: verdicts.retractedAt,
      updatedAt: verdicts.updatedAt,
    })
    .from(verdicts)
    .innerJoin(users, eq(users.id, verdicts.authorId))
    .leftJoin(reviewers, eq(reviewers.id, verdicts.reviewerId))
    .leftJoin(ratingVersions, eq(ratingVersions.id, verdicts.ratingVersionId))
    .where(and(eq(verdicts.claimId, claim.id), inArray(verdicts.state, ["published", "superseded", "retracted"])))
    .orderBy(asc(verdicts.seq));
  const verdict = history.find((v) => v.state === "published") ?? null;
  const retraction = !verdict ? history.findLast((v) => v.state === "retracted" && v.publishedAt !== null) : undefined;
  if (!verdict && !retraction) return null;
  const subject = await publishedSubject((verdict ?? retraction)!.claimVersionId!);

  // The corrections log: each published correction's note, and a retraction's reason.
  const corrections: CorrectionView[] = [
    ...history
      .filter((v) => v.seq > 1 && v.correctionNote && v.publishedAt)
      .map((v) => ({
        kind: "correction" as const,
        at: v.publishedAt!,
        text: v.correctionNote!,
        language: v.language ?? subject.language,
      })),
    ...history
      .filter((v) => v.state === "retracted" && v.retractedAt)
      .map((v) => ({
        kind: "retraction" as const,
        at: v.retractedAt!,
        text: v.retractionReason ?? "",
        language: v.language ?? subject.language,
      })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const firstPublished = history.find((v) => v.publishedAt)?.publishedAt ?? null;

  const publicDisputes = await db
    .select({ slug: disputeVersions.slug, question: disputeVersions.question, label: disputeVersionAccounts.label })
    .from(disputeVersionAccounts)
    .innerJoin(
      disputeVersions,
      and(eq(disputeVersions.id, disputeVersionAccounts.disputeVersionId), isNull(disputeVersions.supersededAt)),
    )
    .where(eq(disputeVersionAccounts.claimId, claim.id));

  return {
    ...claim,
    ...subject,
    verdict: verdict && {
      rating: verdict.ratingKey ? { ...ratingOf(verdict)!, description: verdict.ratingDescription ?? "" } : null,
      summary: verdict.summary,
      rationale: verdict.rationale,
      /** The language the summary and rationale are written in (else the claim's). */
      language: verdict.language ?? subject.language,
      evidence: (verdict.evidence ?? []) as EvidenceSnapshotItem[],
      /** Where else the claim was made, as this version was published with its repeats. */
      appearances: ((verdict.appearances ?? []) as AppearanceSnapshotItem[]).map(publicAppearance),
      authorName: verdict.authorName,
      reviewerName: verdict.reviewerName,
      publishedAt: verdict.publishedAt!,
      firstPublishedAt: firstPublished,
      seq: verdict.seq,
    },
    retraction: retraction
      ? {
          at: retraction.retractedAt!,
          reason: retraction.retractionReason ?? "",
          language: retraction.language ?? subject.language,
        }
      : null,
    corrections,
    disputes: publicDisputes,
  };
}
