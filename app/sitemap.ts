import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/db/queries/public/pages";
import { getEnv } from "@/lib/config/env";

export const dynamic = "force-dynamic";

/** Every public page: the fixed ones and each published claim, dispute, claimant and document. */
export default function sitemap(): MetadataRoute.Sitemap {
  const base = getEnv().publicBaseUrl;
  const fixed = ["/", "/claims", "/methodology", "/corrections"].map((p) => ({ url: `${base}${p}` }));
  return [...fixed, ...listSitemapEntries().map((e) => ({ url: `${base}${e.path}`, ...(e.updated ? { lastModified: new Date(e.updated) } : {}) }))];
}
