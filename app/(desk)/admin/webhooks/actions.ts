"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { WEBHOOK_EVENTS } from "@/db/enums";
import { field, formAction } from "@/lib/auth/form-action";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/services/webhooks/delete-webhook";
import { redeliverWebhook } from "@/lib/services/webhooks/redeliver-webhook";
import { updateWebhook } from "@/lib/services/webhooks/update-webhook";

/** The form's checkbox of an event (one field each, so that a refused form keeps every box as it was). */
const eventField = (event: string) => `event:${event}`;

export const createWebhookAction = formAction(async (user, form) => {
  const { webhook, secret } = await createWebhook(user.actor, {
    url: field(form, "url") ?? "",
    events: WEBHOOK_EVENTS.filter((e) => field(form, eventField(e))),
    ...(field(form, "secret") ? { secret: field(form, "secret") } : {}),
    description: field(form, "description") ?? null,
  });
  revalidatePath("/admin/webhooks");
  const t = await getTranslations("admin.webhooks.messages");
  return {
    ok: true,
    message: t(secret ? "createdWithSecret" : "created", { url: webhook.url }),
    secret: secret ?? undefined,
  };
});

/** Pauses or resumes an endpoint, from the version the page showed. */
export const pauseWebhookAction = formAction(async (user, form) => {
  const t = await getTranslations("admin.webhooks.messages");
  const intent = field(form, "intent");
  if (intent !== "pause" && intent !== "resume") return { message: t("chooseChange") };
  const webhook = await updateWebhook(user.actor, {
    webhookId: field(form, "webhookId"),
    version: Number(field(form, "version")),
    active: intent === "resume",
  });
  revalidatePath("/admin/webhooks");
  revalidatePath(`/admin/webhooks/${webhook.id}`);
  return { ok: true, message: t(webhook.active ? "resumed" : "paused", { url: webhook.url }) };
});

export const deleteWebhookAction = formAction(async (user, form) => {
  await deleteWebhook(user.actor, { webhookId: field(form, "webhookId") });
  revalidatePath("/admin/webhooks");
  const t = await getTranslations("admin.webhooks.messages");
  return { ok: true, message: t("deleted") };
});

/** Sends a delivery again, as a new delivery of the same event. */
export const redeliverWebhookAction = formAction(async (user, form) => {
  const delivery = await redeliverWebhook(user.actor, { deliveryId: field(form, "deliveryId") });
  revalidatePath(`/admin/webhooks/${delivery.webhookId}`);
  const t = await getTranslations("admin.webhooks.messages");
  return { ok: true, message: t("redelivered", { id: delivery.id }) };
});
