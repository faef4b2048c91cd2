import { textDirection } from "./locales";

/**
 * The attributes that mark content written in its own language (a statement, a quote, a verdict's text): `lang` for
 * screen readers, hyphenation and fonts, and `dir` for its direction. Content whose language is unknown keeps the
 * page's language (the likeliest guess for a desk's own content) and is given its direction by its first letters.
 */
export function contentLanguage(tag: string | null | undefined): { lang?: string; dir: "ltr" | "rtl" | "auto" } {
  return tag ? { lang: tag, dir: textDirection(tag) } : { dir: "auto" };
}
