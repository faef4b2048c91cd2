"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { createTokenAction, revokeTokenAction } from "./actions";

/** How long a new token lasts; the service takes 1 to 365 days, 90 unless chosen. */
const EXPIRY_OPTIONS = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
] as const;

/**
 * Creates a personal API token and shows it once. The expiry defaults to 90 days, the scope to read only: a token
 * made to read cannot change anything if it leaks, and one that must write says so.
 */
export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, {});
  const kept = state.ok ? undefined : state.values;
  const scope = kept?.scope === "write" ? "write" : "read";
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
      <SelectField
        label="Expires after"
        name="expiresInDays"
        options={EXPIRY_OPTIONS}
        defaultValue={kept?.expiresInDays ?? "90"}
        error={state.fieldErrors?.expiresInDays}
        key={`expiry-${String(state.ok)}`}
      />
      <fieldset
        className="space-y-1"
        key={`scope-${String(state.ok)}`}
        aria-describedby={state.fieldErrors?.scope ? "token-scope-error" : undefined}
      >
        <legend className="text-sm font-medium">Access</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="scope" value="read" defaultChecked={scope === "read"} className="mt-1" />
          <span>
            Read only <span className="text-muted">— GET requests: lists, records, exports</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="scope" value="write" defaultChecked={scope === "write"} className="mt-1" />
          <span>
            Read and write <span className="text-muted">— anything your role allows</span>
          </span>
        </label>
        {state.fieldErrors?.scope && (
          <p id="token-scope-error" className="text-sm text-danger">
            {state.fieldErrors.scope}
          </p>
        )}
      </fieldset>
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
