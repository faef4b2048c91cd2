"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { createTokenAction, revokeTokenAction } from "./actions";

/** Creates a personal API token and shows it once. */
export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, {});
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      {state.secret && (
        <p className="break-all rounded-md border border-line bg-slate-50 p-3">
          <code data-testid="new-token" className="select-all font-mono text-sm">
            {state.secret}
          </code>
        </p>
      )}
      <TextField
        label="Token name"
        name="name"
        required
        placeholder="e.g. newsroom CMS"
        hint="Use one token per program, so you can revoke one without breaking the others."
        error={state.fieldErrors?.name}
        defaultValue={state.ok ? "" : state.values?.name}
        key={String(state.ok)}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}

/** Revokes one token. */
export function RevokeTokenButton({ tokenId, name }: { tokenId: number; name: string }) {
  const [state, action, pending] = useActionState(revokeTokenAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`Revoke token ${name}`}>
        Revoke
      </Button>
      {state.message && !state.ok && (
        <p role="alert" className="text-xs text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}
