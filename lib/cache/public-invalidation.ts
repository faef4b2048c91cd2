import type { Tx } from "@/db/client";
import {
  EVERY_LIST,
  EVERY_PUBLIC_PAGE,
  EVERY_SEARCH,
  markInvalidated,
  pathTags,
} from "@/db/queries/cache-invalidations";
import { publicClaimIdsOf, publicPathsForClaims } from "@/db/queries/public/page-paths";

/**
 * What a write changes that readers may see, as the service that makes it reports it: a claim's public record (its
 * verdict published, corrected or retracted, its statement, claimant or place in the text), everything shown of a
 * claimant, a document or a dispute, the name of a verdict's author or reviewer, or the rating scale (every public
 * page shows ratings).
 */
export type PublicChange =
  | { claims: number[] }
  | { claimantId: number }
  | { documentId: number }
  | { disputeId: number }
  | { userId: number }
  | { ratingScale: true };

type Pending = { changes: PublicChange[]; tags: Set<string> };
const pending = new WeakMap<Tx, Pending>();

/** The public claims a change concerns, as the database stands now (a claim never published shows nowhere). */
async function claimsOf(tx: Tx, change: PublicChange): Promise<number[]> {
  if ("ratingScale" in change) return [];
  return publicClaimIdsOf(tx, "claims" in change ? { claimIds: change.claims } : change);
}

/** The tags of every kept page that shows what a change concerns, as the database stands now. */
async function tagsOf(tx: Tx, change: PublicChange): Promise<string[]> {
  if ("ratingScale" in change) return [EVERY_PUBLIC_PAGE];
  const paths = await publicPathsForClaims(tx, await claimsOf(tx, change));
  // Any change to a public claim can reorder or refilter the lists and the searches.
  return paths.length > 0 ? [...paths.flatMap(pathTags), EVERY_LIST, EVERY_SEARCH] : [];
}

/**
 * Reports, inside a write transaction and before making the change, that readers' pages of these records change.
 * The pages that show them now are noted at once (a claim moving to another claimant leaves the old one's page); when
 * the transaction ends, those that show them afterwards are added, and all are invalidated on every server.
 */
export async function reportPublicChange(tx: Tx, change: PublicChange): Promise<void> {
  const p = pending.get(tx);
  if (!p) throw new Error("reportPublicChange is for write transactions (lib/services/transaction.ts).");
  p.changes.push(change);
  for (const tag of await tagsOf(tx, change)) p.tags.add(tag);
}

/**
 * Follows the public changes reported in one write transaction. `settle` (last, inside the transaction) adds the pages
 * of the state after the change and marks every tag invalidated in the same transaction; the caller marks them again
 * once it has committed, so that a page whose render began between the two is not kept either.
 */
export function trackPublicChanges(tx: Tx) {
  const p: Pending = { changes: [], tags: new Set() };
  pending.set(tx, p);
  return {
    async settle(): Promise<string[]> {
      for (const change of p.changes) for (const tag of await tagsOf(tx, change)) p.tags.add(tag);
      const tags = [...p.tags];
      await markInvalidated(tx, tags);
      return tags;
    },
    release(): void {
      pending.delete(tx);
    },
  };
}
