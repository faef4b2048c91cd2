import { listSitemapEntries } from "@/db/queries/public/pages";
import { getEnv } from "@/lib/config/env";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";
import { localizedPath } from "@/lib/i18n/public-path";
import type { SitemapEntry } from "@/lib/public/sitemap-xml";
import { PUBLIC_CACHE_CONTROL } from "@/lib/api/public-response";

/**
 * Every public page in every locale as a sitemap entry, each naming its versions in the others: the fixed pages, then
 * each published claim, dispute, claimant and document.
 */
export async function sitemapEntries(): Promise<{ base: string; entries: SitemapEntry[] }> {
  const base = getEnv().publicBaseUrl;
  const pages = [
    ...["/", "/claims", "/methodology", "/corrections"].map((path) => ({ path, updated: null })),
    ...(await listSitemapEntries()),
  ];
  const entries = pages.flatMap(({ path, updated }) => {
    const url = (locale: string) => `${base}${localizedPath(locale, path)}`;
    const alternates = [
      ...LOCALES.map((hreflang) => ({ hreflang, url: url(hreflang) })),
      { hreflang: "x-default", url: url(DEFAULT_LOCALE) },
    ];
    return LOCALES.map((locale) => ({ url: url(locale), updated: updated ?? undefined, alternates }));
  });
  return { base, entries };
}

export const XML_HEADERS = { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": PUBLIC_CACHE_CONTROL };
