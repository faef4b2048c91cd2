import { cookies, headers } from "next/headers";
import { locale as rootLocale } from "next/root-params";
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { messagesFor, TIME_ZONE } from "./catalogue";
import { FORMATS } from "./formats";
import { isLocale, LOCALE_COOKIE, type Locale } from "./locales";
import { readerLocale } from "./public-path";

/**
 * The locale of what a request renders: a public page's is in its address (`app/[locale]`); a desk page's is the
 * account's choice, else the language chosen on the public site, else the browser's.
 */
export default getRequestConfig(async ({ locale: asked }) => {
  const locale = isLocale(asked) ? asked : ((await publicLocale()) ?? (await deskLocale()));
  return { locale, messages: await messagesFor(locale), timeZone: TIME_ZONE, formats: FORMATS };
});

async function publicLocale(): Promise<Locale | undefined> {
  try {
    const locale: unknown = await rootLocale();
    return isLocale(locale) ? locale : undefined;
  } catch {
    return undefined; // a server action or a route handler: no root params there
  }
}

async function deskLocale(): Promise<Locale> {
  const user = await getCurrentUser();
  if (isLocale(user?.locale)) return user.locale;
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  return readerLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get("accept-language"));
}
