import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  claimants,
  claimantVersions,
  claims,
  documents,
  documentVersions,
  type AppearanceSnapshotItem,
} from "@/db/schema";
import { ServiceError } from "@/lib/services/errors";
import { placeInPublishedText } from "@/lib/services/publication/published-records";
import { text } from "@/lib/i18n/text";

/**
 * The claim's repeats as a verdict version being published lists them — where else the claim was made — so readers see
 * the appearances a second editor published and none linked since. Each shows what readers already see of its
 * document and claimant (their published versions), or the desk's record of one not yet public (reviewed now, with
 * this version); its quote is placed in the document's published text. Refuses (409) a repeat that is not anchored,
 * or whose quote is not in the text readers see.
 */
export async function snapshotAppearances(tx: Tx, claimId: number): Promise<AppearanceSnapshotItem[]> {
  const rows = await tx
    .select({
      claim: claims,
      document: documents,
      claimant: claimants,
      publishedDocument: documentVersions,
      publishedClaimant: claimantVersions,
    })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .leftJoin(
      documentVersions,
      and(eq(documentVersions.documentId, documents.id), isNull(documentVersions.supersededAt)),
    )
    .leftJoin(
      claimantVersions,
      and(eq(claimantVersions.claimantId, claimants.id), isNull(claimantVersions.supersededAt)),
    )
    .where(eq(claims.repeatOf, claimId))
    // Undated last, on both engines (they disagree on where nulls sort).
    .orderBy(sql`${claims.claimedAt} is null`, asc(claims.claimedAt), asc(claims.id));
  const items: AppearanceSnapshotItem[] = [];
  for (const { claim, document, claimant, publishedDocument: pd, publishedClaimant: pc } of rows) {
    const where = { document: document.title, claim: claim.id };
    if (claim.anchorStatus !== "anchored")
      throw new ServiceError(
        "conflict",
        text("errors.verdicts.repeatNotAnchored", { ...where, status: claim.anchorStatus }),
      );
    const place = await placeInPublishedText(tx, claim);
    if (!place) throw new ServiceError("conflict", text("errors.verdicts.repeatNotPublished", where));
    const doc = pd ?? document;
    items.push({
      claimId: claim.id,
      documentId: document.id,
      documentTitle: doc.title,
      sourceUrl: doc.sourceUrl,
      publisher: doc.publisher,
      documentPublishedAt: doc.publishedAt,
      claimant: { name: (pc ?? claimant).name, sameAs: (pc ?? claimant).sameAs },
      claimedAt: claim.claimedAt,
      quote: place.exact,
    });
  }
  return items;
}
