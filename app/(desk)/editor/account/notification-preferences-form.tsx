"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NOTIFICATION_CHANNELS, type NotificationChannel, type NotificationKind } from "@/db/enums";
import { setNotificationPreferencesAction } from "./actions";

/** Where the account is told of each kind of notification: in the app, by email, both, or not at all. */
export function NotificationPreferencesForm({
  kinds,
  current,
}: {
  /** Each kind with its name in the reader's language. */
  kinds: { kind: NotificationKind; label: string }[];
  current: Record<NotificationKind, NotificationChannel>;
}) {
  const t = useTranslations("desk.account.notifications");
  const [state, action, pending] = useActionState(setNotificationPreferencesAction, {});
  const chosen = (kind: NotificationKind) => (state.ok ? undefined : state.values?.[kind]) ?? current[kind];
  return (
    <form action={action} className="space-y-3" noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      {/* Made anew from each answer, so that React's reset of the form after it shows what was saved or refused. */}
      <div
        key={JSON.stringify(state.ok ? current : (state.values ?? current))}
        className="divide-y divide-line rounded-lg border border-line"
      >
        {kinds.map(({ kind, label }) => (
          <fieldset
            key={kind}
            className="flex flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2"
            aria-describedby={state.fieldErrors?.[kind] ? `preference-${kind}-error` : undefined}
          >
            <legend className="float-start w-full text-sm font-medium sm:w-64">{label}</legend>
            {NOTIFICATION_CHANNELS.map((channel) => (
              <label key={channel} className="flex items-center gap-1.5 text-sm">
                <input type="radio" name={kind} value={channel} defaultChecked={chosen(kind) === channel} />
                {t(`channel.${channel}`)}
              </label>
            ))}
            {state.fieldErrors?.[kind] && (
              <p id={`preference-${kind}-error`} className="w-full text-sm text-danger">
                {state.fieldErrors[kind]}
              </p>
            )}
          </fieldset>
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
