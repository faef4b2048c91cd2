import { getDatabase } from "@/db/client";

/** The most reads kept; the oldest goes first. */
const MAX_ENTRIES = 1000;

const entries = new Map<string, unknown>();
let seenVersion = "";
let seenDatabase: unknown = null;

/**
 * Memoises a public read until the database changes — any commit anywhere (this server, another one, the CLI) empties
 * the cache, so a published, corrected or retracted verdict shows at the next request on every server. For the public
 * lists and searches, which many readers ask for again and again between writes.
 */
export async function untilDataChanges<T>(key: string, read: () => Promise<T>): Promise<T> {
  const database = getDatabase();
  // Read before the data: what is read next is at least as new as this version.
  const version = await database.dataVersion();
  if (version !== seenVersion || database !== seenDatabase) {
    entries.clear();
    seenVersion = version;
    seenDatabase = database;
  }
  if (entries.has(key)) {
    const value = entries.get(key) as Promise<T>;
    entries.delete(key); // most recently used last
    entries.set(key, value);
    return value;
  }
  // The promise is kept, so concurrent readers of one key share one read; a failed read is not kept.
  const value = read();
  entries.set(key, value);
  value.catch(() => entries.get(key) === value && entries.delete(key));
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
