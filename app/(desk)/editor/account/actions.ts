"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { signOut } from "@/lib/auth";
import { field, formAction } from "@/lib/auth/form-action";
import { requestClientAddress } from "@/lib/http/client-address";
import { createApiToken } from "@/lib/services/tokens/create-token";
import { revokeApiToken } from "@/lib/services/tokens/revoke-token";
import { changeOwnPassword } from "@/lib/services/users/change-password";
import { setInterfaceLanguage } from "@/lib/services/users/interface-language";
import { LOCALE_COOKIE, LOCALE_NAMES } from "@/lib/i18n/locales";
import { NOTIFICATION_KINDS } from "@/db/enums";
import { setNotificationPreferences } from "@/lib/services/notifications/preferences";
import { readerLocale } from "@/lib/i18n/public-path";

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
  const t = await getTranslations("desk.account.messages");
  return {
    ok: true,
    message: t("created", { name: record.name, scope: record.scope, expires: record.expiresAt }),
    secret: token,
  };
});

export const revokeTokenAction = formAction(async (user, form) => {
  const record = await revokeApiToken(user.actor, { tokenId: field(form, "tokenId") });
  revalidatePath("/editor/account");
  const t = await getTranslations("desk.account.messages");
  return { ok: true, message: t("revoked", { name: record.name }) };
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

/** Sets the account's interface language; the answer, and every page after it, speak the new one. */
export const setInterfaceLanguageAction = formAction(async (user, form) => {
  const { locale } = await setInterfaceLanguage(user.actor, { locale: field(form, "locale") ?? null });
  // The desk's pages only: a public page's language is in its address, and its kept copies stay.
  revalidatePath("/editor", "layout");
  const [headerStore, cookieStore] = await Promise.all([headers(), cookies()]);
  const speaks = locale ?? readerLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get("accept-language"));
  const t = await getTranslations({ locale: speaks, namespace: "desk.account.language" });
  return {
    ok: true,
    message: t("saved", { language: LOCALE_NAMES[speaks] ?? speaks }),
    values: { locale: locale ?? "" },
  };
});

/** Saves where the account is told of each kind of notification (the kinds the form sends; the others stay). */
export const setNotificationPreferencesAction = formAction(async (user, form) => {
  const sent = NOTIFICATION_KINDS.flatMap((kind) => {
    const channel = field(form, kind);
    return channel === undefined ? [] : [[kind, channel] as const];
  });
  await setNotificationPreferences(user.actor, Object.fromEntries(sent));
  revalidatePath("/editor/account");
  const t = await getTranslations("desk.account.notifications");
  return { ok: true, message: t("saved") };
});
