import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClaimsResults } from "@/components/public/claims-results";
import { claimsMetadata } from "@/lib/config/public-metadata";
import { publicClaimantName, publicDisputeQuestion } from "@/db/queries/public/pages";
import { parsePublicFilters } from "@/db/queries/public/search-claims";
import { searchPublishedClaims } from "@/lib/search/search-published-claims";
import { getRatingScale } from "@/db/queries/ratings";
import { filtersFromSegment } from "@/lib/public/claims-view-path";

// `/claims` without words or dates (everything, or filtered by rating, claimant, dispute, a
// page): `proxy.ts` rewrites it here, where each view is rendered once and kept until a
// publication, correction or retraction drops them all (lib/cache/public-invalidation.ts). Shared caches in front
// keep one a minute at most (`s-maxage=60`).
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): { filters: string }[] {
  return [];
}

export async function generateMetadata(): Promise<Metadata> {
  return claimsMetadata();
}

export default async function ClaimsListPage({ params }: { params: Promise<{ filters: string }> }) {
  const sp = filtersFromSegment("list", (await params).filters);
  if (!sp || !(await isRealView(sp))) notFound();
  return <ClaimsResults sp={sp} />;
}

/**
 * Only views of what exists are kept — a known rating, a claimant and a dispute with
 * published verdicts, a sort, a page that has results — so made-up addresses cannot fill
 * the page cache.
 */
async function isRealView(sp: Record<string, string>): Promise<boolean> {
  const f = parsePublicFilters((k) => sp[k]);
  if (sp.sort && (f.sort === undefined || f.sort === "relevance")) return false;
  if (f.rating && !(await getRatingScale()).some((r) => r.key === f.rating)) return false;
  if (f.claimant && (await publicClaimantName(f.claimant)) === null) return false;
  if (f.dispute && (await publicDisputeQuestion(f.dispute)) === null) return false;
  if (sp.page && (String(f.page) !== sp.page || f.page! > (await searchPublishedClaims(f)).pages)) return false;
  return true;
}
