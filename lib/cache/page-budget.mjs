// Plain JavaScript: read by Next's cache handler, which Node imports without a build, and by the app.

/** The share of PAGE_CACHE_MB that kept searches have to themselves (lib/http/kept-searches.ts). */
export const SEARCH_SHARE = 0.25;

/**
 * The memory (bytes) this server gives to kept public pages: PAGE_CACHE_MB, 256 unless set. Searches take a quarter of
 * it, the other pages the rest: readers' searches have no bound in number, and a crawl of made-up searches must not
 * push the claim pages out.
 *
 * @param {"searches" | "pages"} kind
 * @returns {number}
 */
export function pageCacheBytes(kind) {
  const total = Number(process.env.PAGE_CACHE_MB || 256) * 1024 * 1024;
  return Math.floor(total * (kind === "searches" ? SEARCH_SHARE : 1 - SEARCH_SHARE));
}
