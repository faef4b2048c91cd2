import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { hashApiToken } from "@/lib/auth/api-token";
import { can } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { toTokenView, type TokenView } from "./token-view";
import { issueMessage, text } from "@/lib/i18n/text";

export const revokeTokenInput = z.union(
  [z.strictObject({ tokenId: idSchema }), z.strictObject({ token: z.string().min(1).max(200) })],
  { error: issueMessage("validation.tokenRef") },
);

/**
 * Revokes a token: the caller's own, or any (admin or command line). Revoking twice is harmless. A write token may
 * revoke its owner's tokens, itself included (an integration that finds its token leaked can end it); a read token
 * cannot, as it makes no request but GET.
 */
export async function revokeApiToken(actor: Actor | null, raw: unknown): Promise<TokenView> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "tokens:own");
    const input = parseInput(revokeTokenInput, raw);
    const where =
      "tokenId" in input ? eq(apiTokens.id, input.tokenId) : eq(apiTokens.tokenHash, hashApiToken(input.token));
    const [before] = await tx.select().from(apiTokens).where(where).limit(1);
    // Someone else's token answers 404 like a missing one: ids are not a way to probe.
    if (!before || (before.userId !== who.id && !can(who.role, "users:manage"))) {
      throw new ServiceError("not_found", text("errors.tokens.notFound"));
    }
    if (before.revokedAt) return toTokenView(before);
    const [after] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.id, before.id))
      .returning();
    await recordAudit(tx, who, {
      action: "token.revoke",
      entityType: "api_token",
      entityId: before.id,
      before: toTokenView(before),
      after: toTokenView(after!),
    });
    return toTokenView(after!);
  });
}

/**
 * Revokes every live token of an account, inside the caller's transaction (a password change, a disabled account);
 * returns how many it revoked, for the audit event. Revoked tokens stay revoked: nothing brings them back.
 */
export async function revokeAllTokensOf(tx: Tx, userId: number, at: Date = new Date()): Promise<number> {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
}
