import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";
import { localizedPath } from "@/lib/i18n/public-path";
import { getEnv } from "./env";

/**
 * Canonical link, the page in every other locale (`<link rel="alternate" hreflang>`, the default locale's as
 * `x-default`) and OpenGraph tags for the public page at `path` (without its locale) in this request's locale.
 */
export async function publicMetadata(
  path: string,
  title: string,
  description: string,
  type: "website" | "article" = "website",
): Promise<Metadata> {
  const env = getEnv();
  const locale = await getLocale();
  const url = (l: string) => `${env.publicBaseUrl}${localizedPath(l, path)}`;
  return {
    title,
    description,
    alternates: {
      canonical: url(locale),
      languages: { ...Object.fromEntries(LOCALES.map((l) => [l, url(l)])), "x-default": url(DEFAULT_LOCALE) },
    },
    openGraph: { type, url: url(locale), title, description, siteName: env.orgName, locale },
  };
}

/** The metadata of `/claims`, whichever of its views — the list, a search — a page renders. */
export async function claimsMetadata(): Promise<Metadata> {
  const t = await getTranslations("public.claims");
  return publicMetadata("/claims", t("title"), t("description"));
}
