import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { deleteWebhook } from "@/lib/services/webhooks/delete-webhook";
import { getWebhook } from "@/lib/services/webhooks/get-webhook";
import { updateWebhook } from "@/lib/services/webhooks/update-webhook";

/** One endpoint, its secret's last four characters only (admin). */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  webhook: await getWebhook(actor, { webhookId: params.id }),
}));

/** `{version, url?, events?, secret?, description?, active?}` (admin); 409 if `version` is stale. */
export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => ({
  webhook: await updateWebhook(actor, { ...(await readJsonObject(req)), webhookId: params.id }),
}));

/** Deletes an endpoint and its deliveries (admin) → 204. */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteWebhook(actor, { webhookId: params.id });
  return new Response(null, { status: 204 });
});
