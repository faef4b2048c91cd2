"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useRoleOptions } from "@/components/ui/role-options";
import { createUserAction } from "./actions";

/** Creates an account and shows its generated temporary password once. */
export function CreateUserForm() {
  const t = useTranslations("admin.users.create");
  const roleOptions = useRoleOptions();
  const [state, action, pending] = useActionState(createUserAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      {state.secret && (
        <p className="rounded-md border border-line bg-slate-50 p-3 text-sm">
          {t("temporaryPassword")}{" "}
          <code data-testid="temporary-password" className="select-all font-mono text-base">
            {state.secret}
          </code>
        </p>
      )}
      <TextField
        label={t("name")}
        name="name"
        required
        error={errors.name}
        defaultValue={state.ok ? "" : state.values?.name}
        key={`n${state.ok}`}
      />
      <TextField
        label={t("email")}
        name="email"
        type="email"
        required
        error={errors.email}
        defaultValue={state.ok ? "" : state.values?.email}
        key={`e${state.ok}`}
      />
      <SelectField
        label={t("role")}
        name="role"
        options={roleOptions}
        error={errors.role}
        defaultValue={state.values?.role ?? "contributor"}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("creating") : t("submit")}
      </Button>
    </form>
  );
}
