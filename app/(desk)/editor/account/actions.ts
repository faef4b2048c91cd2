"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { signOut } from "@/lib/auth";
import { field, formAction } from "@/lib/auth/form-action";
import { requestClientAddress } from "@/lib/http/client-address";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { formatInstant } from "@/lib/services/tokens/token-view";
import { changeOwnPassword } from "@/lib/services/users/change-password";

/** Creates a token from the account page: its name, expiry in days (7, 30, 90 or 365) and scope (read or write). */
export const createTokenAction = formAction(async (user, form) => {
  const days = field(form, "expiresInDays");
  const scope = field(form, "scope");
  const { token, record } = await createApiToken(user.actor, {
    name: field(form, "name") ?? "",
    ...(days !== undefined ? { expiresInDays: /^\d+$/.test(days) ? Number(days) : days } : {}),
    ...(scope !== undefined ? { scope } : {}),
  });
  revalidatePath("/editor/account");
  const what = record.scope === "read" ? "read only" : "read and write";
  return {
    ok: true,
    message:
      `Token “${record.name}” created (${what}, expires ${formatInstant(record.expiresAt)}). ` +
      "Copy it now: it is shown only once.",
    secret: token,
  };
});

export const revokeTokenAction = formAction(async (user, form) => {
  const record = await revokeApiToken(user.actor, { tokenId: field(form, "tokenId") });
  revalidatePath("/editor/account");
  return { ok: true, message: `Token “${record.name}” revoked.` };
});

export const changePasswordAction = formAction(async (user, form) => {
  await changeOwnPassword(
    user.actor,
    { currentPassword: field(form, "currentPassword") ?? "", newPassword: field(form, "newPassword") ?? "" },
    requestClientAddress(await headers()),
  );
  // Every session of the account has ended, this one too: sign in again with the new password.
  await signOut({ redirectTo: "/login?notice=password-changed" });
  return { ok: true };
});
