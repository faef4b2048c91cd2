"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { redeliverWebhookAction } from "../actions";

/** "Send again": a new delivery of the same event. */
export function RedeliverButton({ deliveryId }: { deliveryId: number }) {
  const t = useTranslations("admin.webhooks.deliveries");
  return (
    <ActionForm
      action={redeliverWebhookAction}
      submitLabel={t("sendAgain")}
      label={t("sendAgainLabel", { id: deliveryId })}
      variant="secondary"
      className="space-y-1"
    >
      {() => <input type="hidden" name="deliveryId" value={deliveryId} />}
    </ActionForm>
  );
}
