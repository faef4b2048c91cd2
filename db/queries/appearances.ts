import { asc, eq, inArray, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { claimants, claims, documents, type AnchorStatus, type AppearanceSnapshotItem } from "@/db/schema";

/** A repeat as the desk sees it: where it was made, its anchoring and version (the optimistic lock of its forms). */
export type DeskAppearance = AppearanceSnapshotItem & { anchorStatus: AnchorStatus; version: number };

/**
 * The repeats of these claims as they stand on the desk now — where else each was made: document, claimant, date and
 * quote — in the order they were made, by the claim they repeat.
 */
export async function currentAppearances(db: DB | Tx, claimIds: number[]): Promise<Map<number, DeskAppearance[]>> {
  const byClaim = new Map<number, DeskAppearance[]>();
  if (claimIds.length === 0) return byClaim;
  const rows = await db
    .select({
      repeatOf: claims.repeatOf,
      claimId: claims.id,
      documentId: documents.id,
      documentTitle: documents.title,
      sourceUrl: documents.sourceUrl,
      publisher: documents.publisher,
      documentPublishedAt: documents.publishedAt,
      claimantName: claimants.name,
      claimantSameAs: claimants.sameAs,
      claimedAt: claims.claimedAt,
      quote: claims.quote,
      anchorStatus: claims.anchorStatus,
      version: claims.version,
    })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .where(claimIds.length === 1 ? eq(claims.repeatOf, claimIds[0]!) : inArray(claims.repeatOf, claimIds))
    // Undated last, on both engines (they disagree on where nulls sort).
    .orderBy(sql`${claims.claimedAt} is null`, asc(claims.claimedAt), asc(claims.id));
  for (const { repeatOf, claimantName, claimantSameAs, ...r } of rows) {
    const item = { ...r, claimant: { name: claimantName, sameAs: claimantSameAs } };
    const list = byClaim.get(repeatOf!);
    if (list) list.push(item);
    else byClaim.set(repeatOf!, [item]);
  }
  return byClaim;
}

/** An appearance as readers get it: without the desk's ids of the repeat and its document (neither is public). */
export type PublicAppearance = Omit<AppearanceSnapshotItem, "claimId" | "documentId">;

export const publicAppearance = ({ claimId: _, documentId: __, ...a }: AppearanceSnapshotItem): PublicAppearance => a;
