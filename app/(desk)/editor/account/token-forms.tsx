"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { createTokenAction, revokeTokenAction } from "./actions";

/** How long a new token lasts, in days; the service takes 1 to 365 days, 90 unless chosen. */
const EXPIRY_DAYS = [7, 30, 90, 365] as const;

/**
 * Creates a personal API token and shows it once. The expiry defaults to 90 days, the scope to read only: a token
 * made to read cannot change anything if it leaks, and one that must write says so.
 */
export function CreateTokenForm() {
  const t = useTranslations("desk.account.newToken");
  const expiryOptions = EXPIRY_DAYS.map((days) => ({
    value: String(days),
    label: days === 365 ? t("oneYear") : t("days", { days }),
  }));
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
        label={t("name")}
        name="name"
        required
        placeholder={t("namePlaceholder")}
        hint={t("nameHint")}
        error={state.fieldErrors?.name}
        defaultValue={state.ok ? "" : state.values?.name}
        key={String(state.ok)}
      />
      <SelectField
        label={t("expiresAfter")}
        name="expiresInDays"
        options={expiryOptions}
        defaultValue={kept?.expiresInDays ?? "90"}
        error={state.fieldErrors?.expiresInDays}
        key={`expiry-${String(state.ok)}`}
      />
      <fieldset
        className="space-y-1"
        key={`scope-${String(state.ok)}`}
        aria-describedby={state.fieldErrors?.scope ? "token-scope-error" : undefined}
      >
        <legend className="text-sm font-medium">{t("access")}</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="scope" value="read" defaultChecked={scope === "read"} className="mt-1" />
          <span>{t.rich("readOnly", { muted: (c) => <span className="text-muted">{c}</span> })}</span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="scope" value="write" defaultChecked={scope === "write"} className="mt-1" />
          <span>{t.rich("readWrite", { muted: (c) => <span className="text-muted">{c}</span> })}</span>
        </label>
        {state.fieldErrors?.scope && (
          <p id="token-scope-error" className="text-sm text-danger">
            {state.fieldErrors.scope}
          </p>
        )}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? t("creating") : t("submit")}
      </Button>
    </form>
  );
}

/** Revokes one token. */
export function RevokeTokenButton({ tokenId, name }: { tokenId: number; name: string }) {
  const t = useTranslations("desk.account.revoke");
  const [state, action, pending] = useActionState(revokeTokenAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={t("label", { name })}>
        {t("submit")}
      </Button>
      {state.message && !state.ok && (
        <p role="alert" className="text-xs text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}
