import { and, eq, isNull, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import type { ActorToken } from "@/lib/auth/actor";
import { TOKEN_PREFIX, hashApiToken } from "@/lib/auth/api-token";
import { text, type Text } from "@/lib/i18n/text";
import { writeTransaction } from "@/lib/services/transaction";
import { formatInstant } from "@/lib/services/tokens/token-view";

// Record use at most once a minute per token, so reads do not turn into a write each.
const LAST_USED_RESOLUTION_MS = 60_000;

/** A token's owner, with the token (its id and scope). */
export type TokenActor = { kind: "user"; userId: number; token: ActorToken };

/**
 * What a bearer token is worth: its actor, or why it is refused. Only whoever holds the token learns why (a revoked
 * or expired token, a disabled account); a token that matches none says nothing more than "unknown".
 */
export type TokenCheck =
  | { ok: true; actor: TokenActor }
  | { ok: false; reason: "unknown" | "account_disabled" }
  | { ok: false; reason: "revoked" | "expired"; at: Date };

/**
 * Checks a bearer token: unknown, its account disabled, revoked (by its owner, an admin, the command line, a
 * password change or disabling the account), or expired (`expiresAt` has come: the token stops at that instant).
 * A live token's use is recorded (`lastUsedAt`, at most once a minute).
 */
export async function checkApiToken(token: string): Promise<TokenCheck> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return { ok: false, reason: "unknown" };
  const [row] = await getDb()
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      scope: apiTokens.scope,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      disabledAt: users.disabledAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashApiToken(token)))
    .limit(1);
  if (!row) return { ok: false, reason: "unknown" };
  if (row.disabledAt) return { ok: false, reason: "account_disabled" };
  if (row.revokedAt) return { ok: false, reason: "revoked", at: row.revokedAt };
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) return { ok: false, reason: "expired", at: row.expiresAt };
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
  return { ok: true, actor: { kind: "user", userId: row.userId, token: { id: row.id, scope: row.scope } } };
}

/** The 401 message for a refused token: what happened to it, and what to do. */
export function tokenRefusalMessage(check: Exclude<TokenCheck, { ok: true }>): Text {
  switch (check.reason) {
    case "unknown":
      return text("errors.tokens.unknown");
    case "account_disabled":
      return text("errors.tokens.accountDisabled");
    case "revoked":
      return text("errors.tokens.revoked", { at: formatInstant(check.at) });
    case "expired":
      return text("errors.tokens.expired", { at: formatInstant(check.at) });
  }
}
