import { revalidatePath } from "next/cache";
import { publicClaimIdsOf, publicPathsForClaims } from "@/db/queries/public/pages";

// Public claim, dispute, claimant and document pages, and the views of /claims without
// words, are rendered once and kept (ISR); these drop the ones a change shows up on — the
// claim's own pages, and every list view (any publication can reorder them). The home
// page, word searches and feeds are rendered per request and need nothing.

/**
 * The pages that show these claims now: take them *before* a change that moves a claim (to another claimant, out of a
 * dispute).
 */
export function pagesOfClaims(claimIds: number[]): string[] {
  return publicPathsForClaims(claimIds);
}

/** The pages that show the public claims of a claimant, a document or a dispute. */
export function pagesOf(where: Parameters<typeof publicClaimIdsOf>[0]): string[] {
  return publicPathsForClaims(publicClaimIdsOf(where));
}

/** Drops these pages (and, after a change, the claims' current pages) from the cache. */
export function revalidatePages(paths: string[], claimIds: number[] = []): void {
  const pages = new Set([...paths, ...publicPathsForClaims(claimIds)]);
  for (const path of pages) revalidatePath(path);
  if (pages.size > 0) revalidatePath(LIST_PATTERN, "page");
}

/** After a claim's public verdict changed (published, corrected, retracted) or its public text: its pages. */
export function revalidateClaimPages(claimId: number, before: string[] = []): void {
  revalidatePages(before, [claimId]);
}

const LIST_PATTERN = "/(public)/claims/list/[filters]";
const PATTERNS = [
  "/(public)/claims/[slug]",
  "/(public)/disputes/[slug]",
  "/(public)/claimants/[slug]",
  "/(public)/documents/[slug]",
  LIST_PATTERN,
];

/** After a change that every page may show (the rating scale): every kept page. */
export function revalidateAllPublicPages(): void {
  for (const pattern of PATTERNS) revalidatePath(pattern, "page");
}
