import { listSitemapEntries } from "@/db/queries/public/pages";
import { getEnv } from "@/lib/config/env";
import type { SitemapEntry } from "@/lib/public/sitemap-xml";
import { PUBLIC_CACHE_CONTROL } from "@/lib/api/public-response";

/** Every public page as a sitemap entry: the fixed pages, then each published claim, dispute, claimant and document. */
export async function sitemapEntries(): Promise<{ base: string; entries: SitemapEntry[] }> {
  const base = getEnv().publicBaseUrl;
  const fixed = ["/", "/claims", "/methodology", "/corrections"].map((p) => ({ url: `${base}${p}` }));
  return {
    base,
    entries: [
      ...fixed,
      ...(await listSitemapEntries()).map((e) => ({ url: `${base}${e.path}`, updated: e.updated ?? undefined })),
    ],
  };
}

export const XML_HEADERS = { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": PUBLIC_CACHE_CONTROL };
