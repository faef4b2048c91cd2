// Next.js's cache handler for Claimdesk (next.config.js `cacheHandler`). Plain JavaScript: Next's server imports it
// with Node, without a build.
import { LRUCache } from "lru-cache";
import { pageCacheBytes } from "./page-budget.mjs";
import { processInvalidationStore } from "./invalidation-store.mjs";

/**
 * Kept pages live in each server's memory; what decides whether one may still be served lives in the database every
 * server shares: the `cache_invalidations` table, a time per tag. A page is served only while none of its tags (the
 * paths and routes Next tags it with) was invalidated after its render began. A write on any server — a publication,
 * a correction, a retraction — marks the tags of the pages it changes (lib/cache/public-invalidation.ts), and every
 * server re-renders those pages at their next request. Nothing is kept across restarts.
 *
 * When a render began is known to this handler only by the `get` that preceded it, so it keeps, per key, the time of
 * the earliest `get` that can lead to a render (a miss, or a hit on a page due to be rendered again) not yet followed
 * by a `set`: the render started after it, and a page is never taken for newer than it is (at worst, when a render
 * that began before a write ends after it, the page is rendered once more).
 */

/** When no `get` is known to have preceded a `set`, the render is taken to have begun this long before. */
const UNKNOWN_START_MS = 60_000;

/**
 * @typedef {{ value: any, lastModified: number, renderedFrom: number, tags: string[], cacheControl: unknown }} Entry
 */

/** @type {LRUCache<string, Entry>} */
const entries = new LRUCache({
  maxSize: pageCacheBytes("pages"),
  sizeCalculation: (entry) => Math.max(1, sizeOf(entry.value)),
});
/**
 * Searches by words (`/claims/search/…`; the key ends with the page's path) are kept, rendered, in front of Next, and
 * not here a second time: the request that reaches Next for one is rendered.
 */
const SEARCH_PAGE = /\/claims\/search\/[^/]*$/;
/** @type {LRUCache<string, number>} */
const renderFrom = new LRUCache({ max: 20_000 });
/** The process's store, opened at first use (never while `next build` runs: there is no database then). */
const store = () => processInvalidationStore();
const building = process.env.NEXT_PHASE === "phase-production-build";

/** @param {any} value */
function sizeOf(value) {
  if (!value) return 0;
  let size = (value.html?.length ?? 0) + (value.rscData?.length ?? 0) + (value.body?.length ?? 0);
  for (const [, buffer] of value.segmentData ?? []) size += buffer.length;
  if (value.kind === "FETCH") size += JSON.stringify(value.data ?? null).length;
  return size;
}

/** The tags an entry is known by: Next's `x-next-cache-tags` header of a page or route, or a fetch's tags. */
function tagsOf(/** @type {any} */ value, /** @type {any} */ ctx) {
  const header = value?.headers?.["x-next-cache-tags"];
  const tags = typeof header === "string" && header ? header.split(",") : [];
  return [...new Set([...tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])])];
}

export default class ClaimdeskCacheHandler {
  // Next makes a handler per request: the entries and the store are the process's.

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    if (building || SEARCH_PAGE.test(key)) return null;
    const entry = entries.get(key);
    const { now, invalidatedAt } = await store().check(
      entry ? [...new Set([...entry.tags, ...tagsOf(null, ctx)])] : [],
    );
    // A render follows a miss, or a hit on a page older than its `revalidate` (Next renders it again meanwhile).
    const stale = entry && Date.now() - entry.lastModified >= (entry.cacheControl?.revalidate ?? 0) * 1000;
    const miss = !entry || invalidatedAt >= entry.renderedFrom;
    if ((miss || stale) && !renderFrom.has(key)) renderFrom.set(key, now);
    if (miss) {
      if (entry) entries.delete(key);
      return null;
    }
    return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    if (building || SEARCH_PAGE.test(key)) return;
    const from = renderFrom.get(key);
    renderFrom.delete(key);
    if (!data) {
      entries.delete(key);
      return;
    }
    const renderedFrom = from ?? (await store().check([])).now - UNKNOWN_START_MS;
    entries.set(key, {
      value: data,
      lastModified: Date.now(),
      renderedFrom,
      tags: tagsOf(data, ctx),
      cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
    });
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    if (building) return;
    await store().invalidate(typeof tags === "string" ? [tags] : tags);
  }

  resetRequestCache() {}
}
