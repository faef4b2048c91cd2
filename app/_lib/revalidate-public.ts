import { revalidatePath } from "next/cache";
import { publicPathsForClaim } from "@/db/queries/public/pages";

// Public claim, dispute, claimant and document pages are rendered once and kept (ISR);
// these drop them when what they show changes. Lists, the home page and feeds are rendered
// per request and need nothing.

/** After a claim's public verdict changed (published, corrected, retracted) or its public text: its pages. */
export function revalidateClaimPages(claimId: number): void {
  for (const path of publicPathsForClaim(claimId)) revalidatePath(path);
}

const PATTERNS = ["/(public)/claims/[slug]", "/(public)/disputes/[slug]", "/(public)/claimants/[slug]", "/(public)/documents/[slug]"];

/** After a change that many pages show (a rating renamed, a claimant or a document edited): every kept page. */
export function revalidateAllPublicPages(): void {
  for (const pattern of PATTERNS) revalidatePath(pattern, "page");
}
