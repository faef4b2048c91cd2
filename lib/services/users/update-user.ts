import { eq, sql } from "drizzle-orm";
import { returnOpenClaims } from "@/lib/services/claims/return-claims";
import { z } from "zod";
import { users } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { endAllSessions } from "@/lib/services/auth/sessions";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { revokeAllTokensOf } from "@/lib/services/tokens/revoke-token";
import { reportPublicChange } from "@/lib/cache/public-invalidation";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema, personNameSchema, roleSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { assertVersion } from "@/lib/services/versioning";
import { assertAnotherActiveAdmin, getUserOrThrow, toUserView, type UserView } from "./user-view";
import { issueMessage, text } from "@/lib/i18n/text";

export const updateUserInput = z
  .strictObject({
    userId: idSchema,
    name: personNameSchema.optional(),
    role: roleSchema.optional(),
    /** true disables the account (its sessions and tokens stop working); false enables it again. */
    disabled: z.boolean({ error: issueMessage("validation.boolean") }).optional(),
    version: z
      .number({ error: issueMessage("validation.number") })
      .int()
      .positive()
      .optional(),
  })
  .refine((v) => v.name !== undefined || v.role !== undefined || v.disabled !== undefined, {
    message: issueMessage("validation.userChange"),
    path: ["name"],
  });

/**
 * Renames, changes the role of, disables or re-enables an account (admin only). An admin cannot set or reset
 * another account's password here: should that ever be added, it must revoke the account's API tokens in the same
 * transaction, as a password change does (`revokeAllTokensOf`).
 */
export async function updateUser(actor: Actor | null, raw: unknown): Promise<UserView> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "users:manage");
    const input = parseInput(updateUserInput, raw);
    const before = await getUserOrThrow(tx, input.userId);
    await assertVersion(tx, before, input.version, { type: "user", id: before.id });
    // Published verdicts name their author and reviewer.
    if (input.name !== undefined && input.name !== before.name) await reportPublicChange(tx, { userId: before.id });

    const losesAdmin =
      before.role === "admin" &&
      before.disabledAt === null &&
      ((input.role !== undefined && input.role !== "admin") || input.disabled === true);
    if (losesAdmin) await assertAnotherActiveAdmin(tx, before.id);
    if (who.id === before.id && input.disabled === true) {
      throw new ServiceError("conflict", text("errors.users.disableSelf"));
    }

    const disabledAt =
      input.disabled === undefined ? before.disabledAt : input.disabled ? (before.disabledAt ?? new Date()) : null;
    const isDisabling = disabledAt !== null && before.disabledAt === null;
    // Disabling ends every session and revokes every token for good: enabling the account
    // again does not bring them back.
    const revokedTokens = isDisabling ? await revokeAllTokensOf(tx, before.id) : 0;
    const [after] = await tx
      .update(users)
      .set({
        name: input.name ?? before.name,
        role: input.role ?? before.role,
        disabledAt,
        updatedAt: new Date(),
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, before.id))
      .returning();
    const endedSessions = isDisabling ? await endAllSessions(tx, before.id) : 0;
    const returnedClaims = isDisabling ? await returnOpenClaims(tx, who, after!) : 0;

    const action =
      input.disabled === true && !before.disabledAt
        ? "user.disable"
        : input.disabled === false && before.disabledAt
          ? "user.enable"
          : input.role && input.role !== before.role
            ? "user.change_role"
            : "user.update";
    await recordAudit(tx, who, {
      action,
      entityType: "user",
      entityId: before.id,
      before: toUserView(before),
      after: {
        ...toUserView(after!),
        ...(revokedTokens ? { revokedTokens } : {}),
        ...(endedSessions ? { endedSessions } : {}),
        ...(returnedClaims ? { returnedClaims } : {}),
      },
    });
    return toUserView(after!);
  });
}
