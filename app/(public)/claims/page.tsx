import type { Metadata } from "next";
import { connection } from "next/server";
import { ClaimsResults, type Search } from "@/components/public/claims-results";
import { publicMetadata } from "@/lib/config/public-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return publicMetadata(
    "/claims",
    "Claims",
    "Search every published fact-check by words, rating, claimant, dispute and date.",
  );
}

/**
 * `/claims?q=…`: a search by words, rendered per request (its results are memoised until
 * the database changes). Without words, `proxy.ts` serves the kept page of
 * `claims/list/[filters]` instead.
 */
export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  return <ClaimsResults sp={await searchParams} />;
}
