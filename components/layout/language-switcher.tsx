"use client";

import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Suspense } from "react";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { Link, usePathname } from "@/lib/i18n/navigation";

/**
 * Links to this page in each interface language. Following one remembers the choice (next-intl's link sets the
 * locale cookie), so pages asked for without a locale are shown in it too.
 */
export function LanguageSwitcher() {
  const t = useTranslations("publicClient.languages");
  return (
    <nav aria-label={t("label")} className="text-sm">
      <Suspense fallback={<Links query="" />}>
        <LinksHere />
      </Suspense>
    </nav>
  );
}

function LinksHere() {
  return <Links query={useSearchParams().toString()} />;
}

function Links({ query }: { query: string }) {
  const current = useLocale();
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-x-3">
      {LOCALES.map((locale) => (
        <li key={locale}>
          {locale === current ? (
            <span aria-current="true" lang={locale} className="font-semibold">
              {LOCALE_NAMES[locale]}
            </span>
          ) : (
            <Link
              href={query ? `${pathname}?${query}` : pathname}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              className="text-accent hover:underline"
            >
              {LOCALE_NAMES[locale]}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
