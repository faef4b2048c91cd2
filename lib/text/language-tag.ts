/**
 * BCP 47 language tags of content (a document, a claim, a known fact-check): checked as `Intl` reads them and written
 * in their canonical case (`pt-br` → `pt-BR`, `uk_UA` → `uk-UA`).
 */

/** The longest tag taken (`zh-Hant-TW-u-nu-hanidec` is 23 characters). */
export const MAX_LANGUAGE_TAG = 35;
const SHAPE = /^[a-z]{2,8}(?:[-_][a-z0-9]{1,8})*$/i;
const known = new Map<string, string | null>();

/** The canonical form of a language tag, or null when it is not one. */
export function canonicalLanguageTag(tag: string): string | null {
  if (tag.length > MAX_LANGUAGE_TAG || !SHAPE.test(tag)) return null;
  let canonical = known.get(tag);
  if (canonical === undefined) {
    try {
      canonical = Intl.getCanonicalLocales(tag.replaceAll("_", "-"))[0] ?? null;
    } catch {
      canonical = null;
    }
    // Bounded: tags come from users and imported files.
    if (known.size < 10_000) known.set(tag, canonical);
  }
  return canonical;
}
