import type { Metadata } from "next";
import { getEnv } from "./env";

/** Canonical link and OpenGraph tags for a public page at `path`. */
export function publicMetadata(
  path: string,
  title: string,
  description: string,
  type: "website" | "article" = "website",
): Metadata {
  const env = getEnv();
  const url = `${env.publicBaseUrl}${path}`;
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type, url, title, description, siteName: env.orgName },
  };
}

/** The metadata of `/claims`, whichever of its views — the list, a search — a page renders. */
export function claimsMetadata(): Metadata {
  return publicMetadata(
    "/claims",
    "Claims",
    "Search every published fact-check by words, rating, claimant, dispute and date.",
  );
}
