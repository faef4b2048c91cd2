"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { WEBHOOK_EVENTS } from "@/db/enums";
import { createWebhookAction } from "./actions";

/** Registers an endpoint, and shows its generated signing secret once. */
export function CreateWebhookForm() {
  const t = useTranslations("admin.webhooks.create");
  const words = useTranslations("admin.webhooks");
  const [state, action, pending] = useActionState(createWebhookAction, {});
  const errors = state.fieldErrors ?? {};
  const kept = state.ok ? undefined : state.values;
  const eventsError = Object.entries(errors).find(([path]) => path === "events" || path.startsWith("events."))?.[1];
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      {state.secret && (
        <p className="rounded-md border border-line bg-slate-50 p-3 text-sm">
          {t("secretShown")}{" "}
          <code data-testid="webhook-secret" className="select-all break-all font-mono text-base">
            {state.secret}
          </code>
        </p>
      )}
      <TextField
        label={t("url")}
        name="url"
        type="url"
        required
        hint={t("urlHint")}
        error={errors.url}
        defaultValue={kept?.url}
        key={`u${state.ok}`}
      />
      <fieldset
        className="space-y-1"
        aria-describedby={eventsError ? "webhook-events-error" : undefined}
        aria-invalid={eventsError ? true : undefined}
      >
        <legend className="text-sm font-medium">{t("events")}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={`${event}${state.ok}`} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`event:${event}`} defaultChecked={kept?.[`event:${event}`] === "on"} />
            <span>
              {words(`events.${event}`)} <code className="text-xs text-muted">{event}</code>
            </span>
          </label>
        ))}
        {eventsError && (
          <p id="webhook-events-error" className="text-sm text-danger">
            {eventsError}
          </p>
        )}
      </fieldset>
      <TextField
        label={t("secret")}
        name="secret"
        autoComplete="off"
        hint={t("secretHint")}
        error={errors.secret}
        defaultValue={kept?.secret}
        key={`s${state.ok}`}
      />
      <TextField
        label={t("description")}
        name="description"
        error={errors.description}
        defaultValue={kept?.description}
        key={`d${state.ok}`}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("adding") : t("submit")}
      </Button>
    </form>
  );
}
