"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { deleteWebhookAction, pauseWebhookAction } from "./actions";

type Props = { webhook: { id: number; url: string; active: boolean; version: number } };

/** Pause or resume an endpoint, or delete it with its deliveries. */
export function WebhookActions({ webhook }: Props) {
  const t = useTranslations("admin.webhooks.row");
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionForm
        action={pauseWebhookAction}
        submitLabel={webhook.active ? t("pause") : t("resume")}
        label={t(webhook.active ? "pauseLabel" : "resumeLabel", { url: webhook.url })}
        variant="secondary"
        className=""
      >
        {() => (
          <>
            <input type="hidden" name="webhookId" value={webhook.id} />
            <input type="hidden" name="version" value={webhook.version} />
            <input type="hidden" name="intent" value={webhook.active ? "pause" : "resume"} />
          </>
        )}
      </ActionForm>
      <ActionForm
        action={deleteWebhookAction}
        submitLabel={t("delete")}
        label={t("deleteLabel", { url: webhook.url })}
        variant="danger"
        className=""
      >
        {() => <input type="hidden" name="webhookId" value={webhook.id} />}
      </ActionForm>
    </div>
  );
}
