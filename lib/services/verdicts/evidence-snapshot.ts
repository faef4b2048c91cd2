import { asc, eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { claimEvidence, evidence, type EvidenceSnapshotItem } from "@/db/schema";

/** The claim's evidence as it stands now, as a published verdict version records it. */
export async function snapshotEvidence(db: DB | Tx, claimId: number): Promise<EvidenceSnapshotItem[]> {
  return db
    .select({
      evidenceId: evidence.id,
      stance: claimEvidence.stance,
      url: evidence.url,
      archiveUrl: evidence.archiveUrl,
      title: evidence.title,
      publisher: evidence.publisher,
      publishedAt: evidence.publishedAt,
      excerpt: evidence.excerpt,
      sourceType: evidence.sourceType,
    })
    .from(claimEvidence)
    .innerJoin(evidence, eq(evidence.id, claimEvidence.evidenceId))
    .where(eq(claimEvidence.claimId, claimId))
    .orderBy(asc(claimEvidence.id));
}
