import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cacheInvalidations } from "@/db/schema";
import { NOW_MS } from "@/db/sql";

/** Marks these cache tags invalidated at the database's now: no server serves a page with one rendered earlier. */
export async function markInvalidated(tx: Tx, tags: string[]): Promise<void> {
  if (tags.length === 0) return;
  await tx
    .insert(cacheInvalidations)
    .values([...new Set(tags)].map((tag) => ({ tag, invalidatedAt: sql`${NOW_MS}` as unknown as number })))
    .onConflictDoUpdate({ target: cacheInvalidations.tag, set: { invalidatedAt: sql`excluded.invalidated_at` } });
}
