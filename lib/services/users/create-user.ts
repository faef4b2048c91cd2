import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { authorize, tokenOf, type Actor } from "@/lib/auth/actor";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/services/audit";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { emailSchema, passwordSchema, personNameSchema, roleSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { toUserView, type UserView } from "./user-view";
import { text } from "@/lib/i18n/text";

export const createUserInput = z.strictObject({
  email: emailSchema,
  name: personNameSchema,
  role: roleSchema,
  password: passwordSchema.optional(),
});

/**
 * Creates an account (admin only). Without a password, a temporary one is generated and returned once. A new account
 * is a new credential, so, as with tokens, only a signed-in admin or the command line may make one: an admin's API
 * token is refused (403), so that a leaked token cannot give itself a successor that outlives its expiry.
 */
export async function createUser(
  actor: Actor | null,
  raw: unknown,
): Promise<{ user: UserView; temporaryPassword: string | null }> {
  await authorize(getDb(), actor, "users:manage");
  const input = parseInput(createUserInput, raw);
  if (tokenOf(actor)) {
    throw new ServiceError("forbidden", text("errors.users.tokenCannotCreate"));
  }
  const temporaryPassword = input.password ? null : generateTemporaryPassword();
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);

  const user = await writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "users:manage");
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (taken) {
      throw new ServiceError("conflict", text("errors.users.emailTaken", { email: input.email }), [
        fieldIssue("email", text("validation.inUse")),
      ]);
    }
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .returning();
    const view = toUserView(row!);
    await recordAudit(tx, who, { action: "user.create", entityType: "user", entityId: row!.id, after: view });
    return view;
  });
  return { user, temporaryPassword };
}
