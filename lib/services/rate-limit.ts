import { eq, lt } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import { writeTransaction } from "@/lib/services/transaction";

/** A limit: at most `limit` requests per `windowMs` for one subject (a client address) under `name`. */
export type RateLimitRule = { name: string; limit: number; windowMs: number };

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one request of `subject` against `rule` and says whether it may go ahead; a refusal says when the window
 * ends. The count lives in the database every server shares, so two servers behind one balancer allow the limit
 * between them, not each. A window starts with its subject's first request (its row is replaced once it has ended);
 * ended windows are dropped on their own, by their index.
 */
export async function takeRateLimit(rule: RateLimitRule, subject: string, now = Date.now()): Promise<RateLimitResult> {
  const key = `${rule.name}:${subject}`;
  await writeTransaction((tx) => tx.delete(rateLimits).where(lt(rateLimits.resetAt, new Date(now))));
  return writeTransaction(async (tx) => {
    const [row] = await tx.select().from(rateLimits).where(eq(rateLimits.key, key)).limit(1);
    if (!row || row.resetAt.getTime() <= now) {
      const fresh = { hits: 1, resetAt: new Date(now + rule.windowMs) };
      await tx
        .insert(rateLimits)
        .values({ key, ...fresh })
        .onConflictDoUpdate({ target: rateLimits.key, set: fresh });
      return { ok: true } as const;
    }
    if (row.hits >= rule.limit) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt.getTime() - now) / 1000)) } as const;
    }
    await tx
      .update(rateLimits)
      .set({ hits: row.hits + 1 })
      .where(eq(rateLimits.key, key));
    return { ok: true } as const;
  });
}
