import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { ClaimsResults, type Search } from "@/components/public/claims-results";
import { publicMetadata } from "@/lib/config/public-metadata";
import { withoutEmptyFields } from "@/lib/public/claims-list-path";

export async function generateMetadata(): Promise<Metadata> {
  return publicMetadata("/claims", "Claims", "Search every published fact-check by words, rating, claimant, dispute and date.");
}

/**
 * `/claims?q=…`: a search by words, rendered per request (its results are memoised until
 * the database changes). Without words, `proxy.ts` serves the kept page of
 * `claims/list/[filters]` instead.
 */
export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  const sp = await searchParams;
  // The search form sends every field; without the empty ones a list without words is a kept page.
  const clean = withoutEmptyFields(new URLSearchParams(Object.entries(sp).filter((e): e is [string, string] => typeof e[1] === "string")));
  if (clean) redirect(clean);
  return <ClaimsResults sp={sp} />;
}
