import { and, eq, isNull, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { TOKEN_PREFIX, hashApiToken } from "@/lib/auth/api-token";

// Record use at most once a minute per token, so reads do not turn into a write each.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor a bearer token stands for, or null if it is unknown, revoked, or its account disabled. */
export function verifyApiToken(token: string): Actor | null {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const db = getDb();
  const row = db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      revokedAt: apiTokens.revokedAt,
      disabledAt: users.disabledAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashApiToken(token)))
    .get();
  if (!row || row.revokedAt || row.disabledAt) return null;
  const now = Date.now();
  db.update(apiTokens)
    .set({ lastUsedAt: new Date(now) })
    .where(
      and(
        eq(apiTokens.id, row.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now - LAST_USED_RESOLUTION_MS))),
      ),
    )
    .run();
  return { kind: "user", userId: row.userId };
}
