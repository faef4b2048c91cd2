import { sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { cacheInvalidations } from "@/db/schema";
import { NOW_MS, queryRow } from "@/db/sql";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

// The tags Next gives kept pages (lib/cache/next-cache-handler.mjs checks them): `_N_T_` and the path of the page,
// and `_N_T_` and the route with `/page` or `/layout` for every page of a route. Inside the app every public page is
// under its locale (`app/[locale]`; the default locale's too, though its addresses have no prefix).

/** The tag of the kept page at a public path (`/claims/x`) in a locale (`_N_T_/uk/claims/x`). */
export const localePathTag = (locale: Locale, path: string) => `_N_T_/${locale}${path === "/" ? "" : path}`;
/** The tags of the kept pages at a public path in every locale. */
export const pathTags = (path: string) => LOCALES.map((locale) => localePathTag(locale, path));
/** The tag of every kept view of the claims list, in every locale. */
export const EVERY_LIST = "_N_T_/[locale]/claims/list/[filters]/page";
/** The tag of every kept search by words, in every locale. */
export const EVERY_SEARCH = "_N_T_/[locale]/claims/search/[filters]/page";
/** The tag of every public page (the public root layout's). */
export const EVERY_PUBLIC_PAGE = "_N_T_/[locale]/layout";

/** Marks these cache tags invalidated at the database's now: no server serves a page with one rendered earlier. */
export async function markInvalidated(tx: Tx, tags: string[]): Promise<void> {
  const unique = [...new Set(tags)];
  // In chunks: SQLite takes at most 32,766 values a statement.
  for (let i = 0; i < unique.length; i += 1000) {
    await tx
      .insert(cacheInvalidations)
      .values(unique.slice(i, i + 1000).map((tag) => ({ tag, invalidatedAt: sql`${NOW_MS}` as unknown as number })))
      .onConflictDoUpdate({ target: cacheInvalidations.tag, set: { invalidatedAt: sql`excluded.invalidated_at` } });
  }
}

/**
 * The database's clock now and the latest time any of these tags was marked invalidated (0 if never), in one read of
 * the tags' primary key. Both are the database's times, so servers whose clocks differ agree on what came first.
 */
export async function latestInvalidation(tags: string[]): Promise<{ now: number; invalidatedAt: number }> {
  const row = await queryRow<{ now: number | string; at: number | string }>(
    getDb(),
    sql`select ${NOW_MS} as now, coalesce((select max(invalidated_at) from cache_invalidations
      where tag in (${sql.join(
        tags.map((tag) => sql`${tag}`),
        sql`, `,
      )})), 0) as at`,
  );
  return { now: Number(row!.now), invalidatedAt: Number(row!.at) };
}
