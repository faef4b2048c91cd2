import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from "./locales";

/**
 * Public pages in the default locale keep their paths (`/claims/…`); the others are under their locale
 * (`/uk/claims/…`). Inside the app every public page is under its locale (`app/[locale]`): next.config.js rewrites the
 * default locale's paths there, and sends `/en/…` to the path without it.
 */
export function splitLocale(pathname: string): { locale: Locale; path: string; prefixed: boolean } {
  const first = pathname.split("/")[1];
  if (first !== undefined && first !== DEFAULT_LOCALE && isLocale(first)) {
    return { locale: first, path: pathname.slice(first.length + 1) || "/", prefixed: true };
  }
  return { locale: DEFAULT_LOCALE, path: pathname, prefixed: false };
}

/** The address of a public page (`/claims/x`, `/`) in a locale. */
export function localizedPath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/** The supported locale a browser's `Accept-Language` prefers, or the default one. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { "accept-language": header } })
    .languages()
    .filter((tag) => tag !== "*" && canonical(tag));
  if (requested.length === 0) return DEFAULT_LOCALE;
  return match(requested, [...LOCALES], DEFAULT_LOCALE);
}

/**
 * The language a reader is shown when they ask for a page without a locale in its address: the one they chose in the
 * language switcher (its cookie), else the one their browser prefers.
 */
export function readerLocale(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(cookie) ? cookie : localeFromAcceptLanguage(acceptLanguage);
}

function canonical(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
