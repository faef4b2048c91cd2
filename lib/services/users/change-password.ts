import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { authorize, authorizeAccount, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { authenticate, throttledMessage } from "@/lib/services/auth/authenticate";
import { endAllSessions } from "@/lib/services/auth/sessions";
import { recordAudit } from "@/lib/services/audit";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { revokeAllTokensOf } from "@/lib/services/tokens/revoke-token";
import { writeTransaction } from "@/lib/services/transaction";
import { passwordSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { getUserOrThrow } from "./user-view";
import { issueMessage, text } from "@/lib/i18n/text";

export const changePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1, issueMessage("validation.required")).max(200),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: issueMessage("validation.differentPassword"),
    path: ["newPassword"],
  });

/**
 * Changes the caller's own password, after checking the current one with the same
 * throttling as sign-in (by the client's address). Every session of the account ends, this one included.
 */
export async function changeOwnPassword(actor: Actor | null, raw: unknown, clientAddress = ""): Promise<void> {
  const who = await authorizeAccount(getDb(), actor);
  const input = parseInput(changePasswordInput, raw);
  const user = await getUserOrThrow(getDb(), who.id);
  const check = await authenticate(user.email, input.currentPassword, clientAddress);
  if (!check.ok && check.reason === "throttled") {
    throw ServiceError.rateLimited(throttledMessage(check.retryAfterSeconds), check.retryAfterSeconds);
  }
  if (!check.ok) {
    throw new ServiceError("validation_failed", text("errors.users.wrongPassword"), [
      fieldIssue("currentPassword", text("validation.notRight")),
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(async (tx) => {
    const me = await authorize(tx, actor, "account:own");
    await tx
      .update(users)
      .set({
        passwordHash,
        updatedAt: new Date(),
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, user.id));
    // A new password also revokes every API token of the account, in this same transaction: whoever learnt the old
    // password may have made tokens with it. The event says how many were revoked and how many sessions ended.
    const endedSessions = await endAllSessions(tx, user.id);
    const revokedTokens = await revokeAllTokensOf(tx, user.id);
    await recordAudit(tx, me, {
      action: "user.change_password",
      entityType: "user",
      entityId: user.id,
      after: { revokedTokens, endedSessions },
    });
  });
}
