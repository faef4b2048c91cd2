import type { DB, Tx } from "@/db/client";
import { fullText } from "@/db/search/full-text";

/**
 * Brings the full-text index up to date for these claims, inside the caller's transaction:
 * a claim is in `claim_search` exactly while it has a published verdict. Call it after any
 * write that changes what the index holds: a publication (of a verdict version, or of a
 * claimant's or document's changes), a retraction, a deletion.
 */
export async function reindexClaims(tx: DB | Tx, claimIds: number[]): Promise<void> {
  await fullText.reindex(tx, claimIds);
}

/** Rebuilds the whole index (after loading data in bulk). */
export async function rebuildSearchIndex(db: DB | Tx): Promise<void> {
  await fullText.rebuild(db);
}
