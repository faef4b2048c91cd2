"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { changePasswordAction } from "./actions";

/** Changes the signed-in user's password (replaces a temporary one). */
export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate key={String(state.ok)}>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        error={errors.newPassword}
      />
      <Button type="submit" disabled={pending}>
        Change password
      </Button>
    </form>
  );
}
