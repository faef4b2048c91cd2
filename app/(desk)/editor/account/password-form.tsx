"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { changePasswordAction } from "./actions";

/** Changes the signed-in user's password (replaces a temporary one). */
export function PasswordForm() {
  const t = useTranslations("desk.account.password");
  const [state, action, pending] = useActionState(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate key={String(state.ok)}>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <TextField
        label={t("current")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword}
      />
      <TextField
        label={t("new")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={t("newHint")}
        error={errors.newPassword}
      />
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
