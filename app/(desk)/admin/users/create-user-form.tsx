"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ROLE_OPTIONS } from "@/components/ui/role-options";
import { createUserAction } from "./actions";

/** Creates an account and shows its generated temporary password once. */
export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      {state.secret && (
        <p className="rounded-md border border-line bg-slate-50 p-3 text-sm">
          Temporary password:{" "}
          <code data-testid="temporary-password" className="select-all font-mono text-base">
            {state.secret}
          </code>
        </p>
      )}
      <TextField
        label="Name"
        name="name"
        required
        error={errors.name}
        defaultValue={state.ok ? "" : state.values?.name}
        key={`n${state.ok}`}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        required
        error={errors.email}
        defaultValue={state.ok ? "" : state.values?.email}
        key={`e${state.ok}`}
      />
      <SelectField
        label="Role"
        name="role"
        options={ROLE_OPTIONS}
        error={errors.role}
        defaultValue={state.values?.role ?? "contributor"}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create account"}
      </Button>
    </form>
  );
}
