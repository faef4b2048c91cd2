import type { Metadata } from "next";
import { ClaimsResults } from "@/components/public/claims-results";
import { publicMetadata } from "@/lib/config/public-metadata";
import { filtersFromSegment } from "@/lib/public/claims-list-path";

// `/claims` without words (everything, or filtered by rating, claimant, dispute, dates, a
// page): `proxy.ts` rewrites it here, where each view is rendered once and kept until a
// publication, correction or retraction drops them all (app/_lib/revalidate-public.ts).
export const revalidate = 86400;
export const dynamicParams = true;
export function generateStaticParams(): { filters: string }[] {
  return [];
}

export async function generateMetadata(): Promise<Metadata> {
  return publicMetadata("/claims", "Claims", "Search every published fact-check by words, rating, claimant, dispute and date.");
}

export default async function ClaimsListPage({ params }: { params: Promise<{ filters: string }> }) {
  return <ClaimsResults sp={filtersFromSegment((await params).filters)} />;
}
