import { lt, sql } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import { writeTransaction } from "@/lib/services/transaction";

/** A limit: at most `limit` requests per `windowMs` for one subject (a client address) under `name`. */
export type RateLimitRule = { name: string; limit: number; windowMs: number };

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Ended windows are dropped by each process at most this often. */
const PRUNE_EVERY_MS = 60_000;
let lastPrune = 0;

/**
 * Counts one request of `subject` against `rule` and says whether it may go ahead; a refusal says when the window
 * ends. The count lives in the database every server shares, so two servers behind one balancer allow the limit
 * between them, not each. A window starts with its subject's first request; the count is one statement (an upsert
 * that starts the window again once it has ended), so a burst of requests costs one small write each. Ended windows
 * are dropped, by their index, at most once a minute per process.
 */
export async function takeRateLimit(rule: RateLimitRule, subject: string, now = Date.now()): Promise<RateLimitResult> {
  if (now - lastPrune >= PRUNE_EVERY_MS) {
    lastPrune = now;
    await writeTransaction((tx) => tx.delete(rateLimits).where(lt(rateLimits.resetAt, new Date(now))));
  }
  const ended = sql`${rateLimits.resetAt} <= ${now}`;
  const [row] = await writeTransaction((tx) =>
    tx
      .insert(rateLimits)
      .values({ key: `${rule.name}:${subject}`, hits: 1, resetAt: new Date(now + rule.windowMs) })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          hits: sql`case when ${ended} then 1 else ${rateLimits.hits} + 1 end`,
          resetAt: sql`case when ${ended} then ${now + rule.windowMs} else ${rateLimits.resetAt} end`,
        },
      })
      .returning({ hits: rateLimits.hits, resetAt: rateLimits.resetAt }),
  );
  if (row!.hits <= rule.limit) return { ok: true };
  // A window another request started a moment after this one's `now` ends at most a window from now.
  const wait = Math.min(row!.resetAt.getTime() - now, rule.windowMs);
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
}
