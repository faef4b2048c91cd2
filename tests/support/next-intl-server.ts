import { createFormatter, createTranslator } from "next-intl";
import { messagesFor, TIME_ZONE } from "@/lib/i18n/catalogue";
import { FORMATS } from "@/lib/i18n/formats";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";

/**
 * Stand-in for `next-intl/server` under vitest, where there is no Next request to read a locale from: the real
 * catalogues and formats, in the locale a test sets (the default one unless it does), or the one a call names.
 */
let current = DEFAULT_LOCALE;

export function setRequestLocaleForTests(locale: string): void {
  current = locale;
}

type Asked = string | { locale?: string; namespace?: string } | undefined;
const read = (asked: Asked) => (typeof asked === "string" ? { namespace: asked } : (asked ?? {}));

export async function getLocale(): Promise<string> {
  return current;
}

export async function getTranslations(asked?: Asked) {
  const { locale = current, namespace } = read(asked);
  return createTranslator({
    locale,
    messages: await messagesFor(locale),
    namespace: namespace as never,
    timeZone: TIME_ZONE,
    formats: FORMATS,
  });
}

export async function getFormatter(asked?: { locale?: string }) {
  return createFormatter({ locale: asked?.locale ?? current, timeZone: TIME_ZONE, formats: FORMATS });
}

export async function getMessages(asked?: { locale?: string }) {
  return messagesFor(asked?.locale ?? current);
}

export async function getTimeZone(): Promise<string> {
  return TIME_ZONE;
}

export async function getNow(): Promise<Date> {
  return new Date();
}

export function setRequestLocale(locale: string): void {
  current = locale;
}

export function getRequestConfig<T>(make: T): T {
  return make;
}
