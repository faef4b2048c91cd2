import type { PublicClaim } from "@/db/queries/public/claim";
import type { PublicAppearance } from "@/db/queries/appearances";
import { ratingIn } from "@/db/queries/shapes";
import { buildClaimReview } from "./claim-review";

/** A repeat's article, as ClaimReview's `appearance` describes it. */
export const appearanceWork = (a: PublicAppearance) => ({
  sourceUrl: a.sourceUrl,
  title: a.documentTitle,
  publisher: a.publisher,
  publishedAt: a.documentPublishedAt,
});

type Site = { publicBaseUrl: string; orgName: string; orgUrl: string };

/** The absolute URL of a claim's public page. */
export function claimPageUrl(site: Site, slug: string): string {
  return `${site.publicBaseUrl}/claims/${slug}`;
}

/** The ClaimReview of a public claim (null for a retracted one: its verdict is no longer asserted). */
export function claimReviewFor(claim: PublicClaim, site: Site, bounds: { worst: number; best: number } | null) {
  if (!claim.verdict) return null;
  return buildClaimReview({
    claimUrl: claimPageUrl(site, claim.slug),
    org: { name: site.orgName, url: site.orgUrl },
    statement: claim.statement,
    language: claim.language,
    reviewLanguage: claim.verdict.language,
    claimedAt: claim.claimedAt,
    claimant: claim.claimant,
    document: claim.document,
    appearances: claim.verdict.appearances.map(appearanceWork),
    // The rating in the review's own language, when the scale has its words in it.
    rating: claim.verdict.rating
      ? { label: ratingIn(claim.verdict.rating, claim.verdict.language).label, ordinal: claim.verdict.rating.ordinal }
      : null,
    bounds,
    firstPublishedAt: claim.verdict.firstPublishedAt ?? claim.verdict.publishedAt,
    publishedAt: claim.verdict.publishedAt,
  });
}
