import { eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { claims } from "@/db/schema";
import { fullText } from "@/db/search/full-text";

/**
 * Brings the full-text index up to date for these claims, inside the caller's transaction:
 * a claim is in `claim_search` exactly while it has a published verdict. Call it after any
 * write that changes what the index holds (publication, correction, retraction, a claim's
 * statement or quote, its claimant's name, its document's title, deletion).
 */
export async function reindexClaims(tx: DB | Tx, claimIds: number[]): Promise<void> {
  await fullText.reindex(tx, claimIds);
}

/** The ids of the claims of a claimant or a document, to reindex after a rename. */
export async function claimIdsWhere(
  tx: DB | Tx,
  where: { claimantId: number } | { documentId: number },
): Promise<number[]> {
  const condition =
    "claimantId" in where ? eq(claims.claimantId, where.claimantId) : eq(claims.documentId, where.documentId);
  const rows = await tx.select({ id: claims.id }).from(claims).where(condition);
  return rows.map((r) => r.id);
}

/** Rebuilds the whole index (after loading data in bulk). */
export async function rebuildSearchIndex(db: DB | Tx): Promise<void> {
  await fullText.rebuild(db);
}
