import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES } from "./locales";

/**
 * The public site's locales for next-intl's navigation (links, redirects): the default locale without a prefix, the
 * others under theirs. The routing itself is next.config.js's rewrites and proxy.ts (next-intl's middleware is not
 * used: the proxy runs only where it has work). A link that changes the locale stores the choice in the cookie the
 * proxy reads, for a year.
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "as-needed",
  localeCookie: { name: LOCALE_COOKIE, maxAge: 365 * 24 * 60 * 60, sameSite: "lax" },
  alternateLinks: false,
});
