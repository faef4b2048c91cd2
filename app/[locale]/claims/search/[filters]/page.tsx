import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClaimsResults } from "@/components/public/claims-results";
import { claimsMetadata } from "@/lib/config/public-metadata";
import { parsePublicFilters } from "@/db/queries/public/search-claims";
import { filtersFromSegment } from "@/lib/public/claims-view-path";
import { searchPublishedClaims } from "@/lib/search/search-published-claims";

// `/claims` with words or dates: `proxy.ts` rewrites it here. Each search is kept once rendered — in front of Next, by
// lib/http/kept-searches.ts, in a share of the page cache of its own — until a publication, correction or retraction
// drops every search (lib/cache/public-invalidation.ts), as the kept lists are. Shared caches in front keep one a
// minute at most (`s-maxage=60`).
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): { filters: string }[] {
  return [];
}

export async function generateMetadata(): Promise<Metadata> {
  return claimsMetadata();
}

export default async function ClaimsSearchPage({ params }: { params: Promise<{ filters: string }> }) {
  const sp = filtersFromSegment("search", (await params).filters);
  if (!sp) notFound();
  // A page past the last one is not kept.
  const filters = parsePublicFilters((k) => sp[k]);
  if (sp.page && filters.page! > (await searchPublishedClaims({ ...filters, page: 1 })).pages) notFound();
  return <ClaimsResults sp={sp} />;
}
