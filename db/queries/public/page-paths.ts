import { and, eq, exists, inArray, or, type SQL } from "drizzle-orm";
import type { DB } from "@/db/client";
import {
  claimants,
  claims,
  claimVersions,
  disputeAccounts,
  disputes,
  disputeVersionAccounts,
  disputeVersions,
  documents,
  verdicts,
} from "@/db/schema";

const CHUNK = 500;

/**
 * The public pages that show these claims (whether or not they are public now): each claim's page and the pages of
 * its claimant, document and disputes, as the desk has them and as they were published.
 */
export async function publicPathsForClaims(db: DB, claimIds: number[]): Promise<string[]> {
  const paths = new Set<string>();
  for (let i = 0; i < claimIds.length; i += CHUNK) {
    const ids = claimIds.slice(i, i + CHUNK);
    const rows = await db
      .select({ claim: claims.slug, claimant: claimants.slug, document: documents.slug })
      .from(claims)
      .innerJoin(claimants, eq(claimants.id, claims.claimantId))
      .innerJoin(documents, eq(documents.id, claims.documentId))
      .where(inArray(claims.id, ids));
    for (const r of rows)
      paths.add(`/claims/${r.claim}`).add(`/claimants/${r.claimant}`).add(`/documents/${r.document}`);
    // The claimants the claims were published as (a correction may attribute one to someone else).
    const publishedAs = await db
      .selectDistinct({ slug: claimants.slug })
      .from(claimVersions)
      .innerJoin(claimants, eq(claimants.id, claimVersions.claimantId))
      .where(inArray(claimVersions.claimId, ids));
    for (const r of publishedAs) paths.add(`/claimants/${r.slug}`);
    const inDisputes = await db
      .selectDistinct({ slug: disputes.slug })
      .from(disputes)
      .where(
        or(
          inArray(
            disputes.id,
            db
              .select({ id: disputeAccounts.disputeId })
              .from(disputeAccounts)
              .where(inArray(disputeAccounts.claimId, ids)),
          ),
          inArray(
            disputes.id,
            db
              .select({ id: disputeVersions.disputeId })
              .from(disputeVersionAccounts)
              .innerJoin(disputeVersions, eq(disputeVersions.id, disputeVersionAccounts.disputeVersionId))
              .where(inArray(disputeVersionAccounts.claimId, ids)),
          ),
        ),
      );
    for (const r of inDisputes) paths.add(`/disputes/${r.slug}`);
  }
  return [...paths];
}

/**
 * The claims that are or were public (a published or retracted verdict): of these ids, or of a claimant, a document,
 * a dispute, or whose verdicts a user wrote or reviewed.
 */
export async function publicClaimIdsOf(
  db: DB,
  where:
    | { claimIds: number[] }
    | { claimantId: number }
    | { documentId: number }
    | { disputeId: number }
    | { userId: number },
): Promise<number[]> {
  if ("claimIds" in where && where.claimIds.length === 0) return [];
  const condition: SQL =
    "claimIds" in where
      ? inArray(claims.id, where.claimIds)
      : "claimantId" in where
        ? or(
            eq(claims.claimantId, where.claimantId),
            inArray(
              claims.id,
              db
                .select({ id: claimVersions.claimId })
                .from(claimVersions)
                .where(eq(claimVersions.claimantId, where.claimantId)),
            ),
          )!
        : "documentId" in where
          ? eq(claims.documentId, where.documentId)
          : "userId" in where
            ? inArray(
                claims.id,
                db
                  .select({ id: verdicts.claimId })
                  .from(verdicts)
                  .where(or(eq(verdicts.authorId, where.userId), eq(verdicts.reviewerId, where.userId))),
              )
            : or(
                inArray(
                  claims.id,
                  db
                    .select({ id: disputeAccounts.claimId })
                    .from(disputeAccounts)
                    .where(eq(disputeAccounts.disputeId, where.disputeId)),
                ),
                inArray(
                  claims.id,
                  db
                    .select({ id: disputeVersionAccounts.claimId })
                    .from(disputeVersionAccounts)
                    .innerJoin(disputeVersions, eq(disputeVersions.id, disputeVersionAccounts.disputeVersionId))
                    .where(eq(disputeVersions.disputeId, where.disputeId)),
                ),
              )!;
  const everPublic = exists(
    db
      .select({ id: verdicts.id })
      .from(verdicts)
      .where(
        and(eq(verdicts.claimId, claims.id), or(eq(verdicts.state, "published"), eq(verdicts.state, "retracted"))),
      ),
  );
  const rows = await db.select({ id: claims.id }).from(claims).where(and(condition, everPublic));
  return rows.map((r) => r.id);
}
