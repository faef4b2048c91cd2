import { and, desc, eq, inArray, isNotNull, isNull, ne, notExists, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { claimants, claims, documents, ratings, verdicts, type VerdictState } from "@/db/schema";

export type QueueItem = {
  claimId: number;
  documentId: number;
  statement: string;
  claimant: string;
  documentTitle: string;
  rating: string | null;
  at: Date;
};

async function verdictQueue(where: ReturnType<typeof and>): Promise<QueueItem[]> {
  return await getDb()
    .select({
      claimId: claims.id,
      documentId: claims.documentId,
      statement: claims.statement,
      claimant: claimants.name,
      documentTitle: documents.title,
      rating: ratings.label,
      at: verdicts.updatedAt,
    })
    .from(verdicts)
    .innerJoin(claims, eq(claims.id, verdicts.claimId))
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .leftJoin(ratings, eq(ratings.id, verdicts.ratingId))
    .where(where)
    .orderBy(desc(verdicts.updatedAt))
    .limit(50);
}

/** The verdicts a user is writing (drafts they authored that no reviewer sent back). */
export async function getMyDrafts(userId: number): Promise<QueueItem[]> {
  return verdictQueue(and(eq(verdicts.authorId, userId), eq(verdicts.state, "draft"), isNull(verdicts.reviewerId)));
}

/** A user's drafts that a reviewer sent back with changes requested. */
export async function getChangesRequested(userId: number): Promise<QueueItem[]> {
  return verdictQueue(and(eq(verdicts.authorId, userId), eq(verdicts.state, "draft"), isNotNull(verdicts.reviewerId)));
}

/** Verdicts published most recently (corrections included). */
export async function getRecentlyPublished(): Promise<QueueItem[]> {
  return (await verdictQueue(eq(verdicts.state, "published"))).slice(0, 10);
}

/** Claims nobody has started a verdict on yet. */
export async function getClaimsWithoutVerdict(): Promise<
  {
    claimId: number;
    statement: string;
    documentTitle: string;
    claimant: string;
  }[]
> {
  return await getDb()
    .select({
      claimId: claims.id,
      statement: claims.statement,
      documentTitle: documents.title,
      claimant: claimants.name,
    })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .where(
      notExists(
        getDb()
          .select({ one: sql`1` })
          .from(verdicts)
          .where(eq(verdicts.claimId, claims.id)),
      ),
    )
    .orderBy(desc(claims.createdAt))
    .limit(50);
}

/** Verdicts submitted by others and waiting for a reviewer. */
export async function getAwaitingReview(userId: number): Promise<QueueItem[]> {
  return verdictQueue(and(eq(verdicts.state, "in_review"), ne(verdicts.authorId, userId)));
}

/** My own verdicts waiting for someone else's review. */
export async function getMySubmitted(userId: number): Promise<QueueItem[]> {
  return verdictQueue(and(eq(verdicts.state, "in_review"), eq(verdicts.authorId, userId)));
}

/** Claims whose anchor was lost or moved by an edit and needs a person to look. */
export async function getAnchorProblems(): Promise<
  {
    claimId: number;
    documentId: number;
    statement: string;
    documentTitle: string;
    anchorStatus: string;
  }[]
> {
  return await getDb()
    .select({
      claimId: claims.id,
      documentId: claims.documentId,
      statement: claims.statement,
      documentTitle: documents.title,
      anchorStatus: claims.anchorStatus,
    })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(inArray(claims.anchorStatus, ["fuzzy", "orphaned"]))
    .orderBy(desc(claims.updatedAt))
    .limit(50);
}

/** Claims by the state of their newest verdict version (`none`: no verdict yet), for the internal API. */
export async function listClaimsByVerdictState(state: VerdictState | "none") {
  const latest = sql`(select v.state from verdicts v where v.claim_id = ${claims.id} order by v.seq desc limit 1)`;
  return await getDb()
    .select({
      id: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      claimant: claimants.name,
      documentId: claims.documentId,
      anchorStatus: claims.anchorStatus,
    })
    .from(claims)
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .where(state === "none" ? sql`${latest} is null` : sql`${latest} = ${state}`)
    .orderBy(desc(claims.updatedAt))
    .limit(500);
}
