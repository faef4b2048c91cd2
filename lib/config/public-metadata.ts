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
