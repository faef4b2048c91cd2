import { and, eq, isNull, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { TOKEN_PREFIX, hashApiToken } from "@/lib/auth/api-token";
import { writeTransaction } from "@/lib/services/transaction";

// Record use at most once a minute per token, so reads do not turn into a write each.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor a bearer token stands for, or null if it is unknown, revoked, or its account disabled. */
export async function verifyApiToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await getDb()
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      disabledAt: users.disabledAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashApiToken(token)))
    .limit(1);
  if (!row || row.revokedAt || row.disabledAt) return null;
  const now = Date.now();
  const staleBefore = new Date(now - LAST_USED_RESOLUTION_MS);
  // Writes go through a write transaction; only start one when the recorded use is stale (the condition is checked
  // again inside, in case another request recorded it meanwhile).
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    await writeTransaction(async (tx) => {
      await tx
        .update(apiTokens)
        .set({ lastUsedAt: new Date(now) })
        .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
    });
  }
  return { kind: "user", userId: row.userId };
}
