import { count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { factChecks, type FactCheck } from "@/db/schema";

export type FactCheckPage = { factChecks: FactCheck[]; total: number; limit: number; offset: number };

/**
 * The library of known fact-checks, a page at a time: the newest reviews first (by review date; undated ones last),
 * then the most recently imported.
 */
export async function listFactChecks({ limit, offset }: { limit: number; offset: number }): Promise<FactCheckPage> {
  const db = getDb();
  const rows = await db
    .select()
    .from(factChecks)
    .orderBy(sql`${factChecks.reviewDate} desc nulls last`, desc(factChecks.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(factChecks);
  return { factChecks: rows, total: Number(total?.n ?? 0), limit, offset };
}

/** One known fact-check, or null. */
export async function getFactCheck(id: number): Promise<FactCheck | null> {
  const [row] = await getDb().select().from(factChecks).where(eq(factChecks.id, id)).limit(1);
  return row ?? null;
}

/** The fact-checks changed at or after an instant (all of them from 0), for the matcher's index. */
export async function factChecksChangedSince(since: number): Promise<FactCheck[]> {
  return getDb()
    .select()
    .from(factChecks)
    .where(sql`${factChecks.updatedAt} >= ${since}`);
}
