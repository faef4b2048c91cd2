import { createTranslator, type Messages } from "next-intl";
import { FORMATS } from "./formats";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

type Tree = { [key: string]: string | Tree };

/**
 * A locale's messages, its catalogue's over the default locale's: a partial catalogue's missing messages are shown in
 * the default locale. An unknown locale gets the default one's.
 */
export async function messagesFor(locale: Locale): Promise<Messages> {
  const base = await load(DEFAULT_LOCALE);
  if (locale === DEFAULT_LOCALE || !isLocale(locale)) return base as Messages;
  return over(base, await load(locale)) as Messages;
}

async function load(locale: Locale): Promise<Tree> {
  return (await import(`./messages/${locale}.json`)).default as Tree;
}

function over(base: Tree, own: Tree): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(own)) {
    const under = merged[key];
    merged[key] = typeof value === "object" && typeof under === "object" ? over(under, value) : value;
  }
  return merged;
}

/** The time zone dates are shown in: pages are rendered once for every reader, so one zone for all. */
export const TIME_ZONE = "UTC";

/** Messages outside React (the command line, the PDF report, emails). */
export async function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: await messagesFor(locale), timeZone: TIME_ZONE, formats: FORMATS });
}
