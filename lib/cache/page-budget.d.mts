/** The share of PAGE_CACHE_MB that kept searches have to themselves (lib/http/kept-searches.ts). */
export const SEARCH_SHARE: number;
/** The memory (bytes) this server gives to kept searches, or to the other kept public pages. */
export function pageCacheBytes(kind: "searches" | "pages"): number;
