import type { Metadata } from "next";
import { connection } from "next/server";
import { ClaimsResults, type Search } from "@/components/public/claims-results";
import { claimsMetadata } from "@/lib/config/public-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return claimsMetadata();
}

/**
 * `/claims`, rendered per request: only what neither next.config.js nor `proxy.ts` rewrites to a kept page of
 * `claims/list/[filters]` (lists) or `claims/search/[filters]` (words or dates) reaches it.
 */
export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Search> }) {
  await connection();
  return <ClaimsResults sp={await searchParams} />;
}
