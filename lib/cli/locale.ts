import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { localeFromAcceptLanguage } from "@/lib/i18n/public-path";

type Environment = Record<string, string | undefined>;

/**
 * The language of the command line's messages, read from the environment as POSIX tools read it: LC_ALL, else
 * LC_MESSAGES, else LANG (an empty variable counts as unset). A POSIX locale name (`language[_territory][.codeset]
 * [@modifier]`: `uk_UA.UTF-8`) is matched against the interface languages as a browser's preference is (`uk`);
 * `C`, `POSIX`, none or one without a catalogue is the default locale.
 */
export function localeFromEnvironment(env: Environment): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const name = value?.split(/[.@]/)[0];
  if (!name || name === "C" || name === "POSIX") return DEFAULT_LOCALE;
  return localeFromAcceptLanguage(name.replaceAll("_", "-"));
}

/** The locale of this process's messages (see `localeFromEnvironment`). */
export function cliLocale(env: Environment = process.env): Locale {
  return localeFromEnvironment(env);
}

/** The width of the longest of these words, to line up a column of them. */
export function widest(words: string[]): number {
  return Math.max(...words.map((w) => w.length));
}
