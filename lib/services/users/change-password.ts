import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { passwordSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { getUserOrThrow } from "./user-view";

export const changePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1, "is required").max(200),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: "must differ from the current password",
    path: ["newPassword"],
  });

/** Changes the caller's own password, after checking the current one. */
export async function changeOwnPassword(actor: Actor | null, raw: unknown): Promise<void> {
  const who = authorize(getDb(), actor, "account:own");
  if (who.id === null) throw new ServiceError("bad_request", "The command line has no password; use `user add`.");
  const input = parseInput(changePasswordInput, raw);
  const user = getUserOrThrow(getDb(), who.id);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ServiceError("validation_failed", "The current password is not right.", [
      { path: "currentPassword", message: "is not right" },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  writeTransaction((tx) => {
    const me = authorize(tx, actor, "account:own");
    tx.update(users)
      .set({ passwordHash, updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id))
      .run();
    recordAudit(tx, me, { action: "user.change_password", entityType: "user", entityId: user.id });
  });
}
