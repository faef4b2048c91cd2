import { getDb } from "@/db/client";

/** The most reads kept; the oldest goes first. */
const MAX_ENTRIES = 1000;

const entries = new Map<string, unknown>();
let seenVersion = "";
let seenClient: unknown = null;

/**
 * The database's version: `data_version` moves when another connection (another process:
 * the CLI, a second server) commits; `total_changes()` when this one writes.
 */
function databaseVersion(): string {
  const client = getDb().$client;
  return `${client.pragma("data_version", { simple: true })}:${(client.prepare("select total_changes() as n").get() as { n: number }).n}`;
}

/**
 * Memoises a public read until the database changes — any commit anywhere empties the
 * cache, so a published, corrected or retracted verdict shows at the next request. For the
 * public lists and searches, which many readers ask for again and again between writes.
 */
export function untilDataChanges<T>(key: string, read: () => T): T {
  const version = databaseVersion();
  if (version !== seenVersion || getDb().$client !== seenClient) {
    entries.clear();
    seenVersion = version;
    seenClient = getDb().$client;
  }
  if (entries.has(key)) {
    const value = entries.get(key) as T;
    entries.delete(key); // most recently used last
    entries.set(key, value);
    return value;
  }
  const value = read();
  entries.set(key, value);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
