import { apiRoute, created } from "@/lib/api/handler";
import { redeliverWebhook } from "@/lib/services/webhooks/redeliver-webhook";

/** Sends a delivered or given-up delivery again, as a new delivery of the same event → 201 `{delivery}` (admin). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) =>
  created({ delivery: await redeliverWebhook(actor, { deliveryId: params.id }) }),
);
