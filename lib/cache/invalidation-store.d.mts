/** The `cache_invalidations` table of the database every server shares (see invalidation-store.mjs). */
export type InvalidationStore = {
  /** The database's clock (ms) and the latest invalidation of any of these tags (0 if none). */
  check(tags: string[]): Promise<{ now: number; invalidatedAt: number }>;
  /** Marks these tags invalidated now. */
  invalidate(tags: string[]): Promise<void>;
  close(): Promise<void>;
};
/** The store of the database a DATABASE_URL names. */
export function openInvalidationStore(url: string | undefined): InvalidationStore;
/** The process's store of DATABASE_URL's database, opened at first use and shared. */
export function processInvalidationStore(): InvalidationStore;
