import list from "./locales.json";

/**
 * The interface languages: `locales.json` lists them (read by next.config.js too), each with its catalogue in
 * `messages/<code>.json`. A complete catalogue has every message of the default locale's (a test holds it to that);
 * a partial one's missing messages are shown in the default locale. Adding a language is its catalogue plus its
 * entry in the list.
 */
/** A code of `locales.json` (checked by `isLocale`; the list is data, so the type cannot name them). */
export type Locale = string;
export const LOCALES: readonly Locale[] = list.locales.map((l) => l.code);
export const DEFAULT_LOCALE: Locale = list.defaultLocale;

/** Each locale's name in its own language, for the language switcher and the account page. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = Object.fromEntries(
  list.locales.map((l) => [l.code, l.name]),
);

/** The locales whose catalogue must have every message. */
export const COMPLETE_LOCALES: readonly Locale[] = list.locales.filter((l) => l.complete).map((l) => l.code);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && LOCALES.includes(value);
}

/** The cookie that remembers a reader's choice of language (set by the language switcher). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Whether a language is written right to left (Intl's text info: Arabic, Hebrew, Persian…). */
export function textDirection(tag: string): "ltr" | "rtl" {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      textInfo?: { direction?: string };
      getTextInfo?: () => { direction?: string };
    };
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    return info?.direction === "rtl" ? "rtl" : "ltr";
  } catch {
    return "ltr";
  }
}
