import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { findDelivery, findWebhook } from "@/db/queries/webhooks";
import { outbox } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { text } from "@/lib/i18n/text";
import { enqueue } from "@/lib/outbox/outbox";
import { recordAudit } from "@/lib/services/audit";
import { ServiceError } from "@/lib/services/errors";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { toDeliveryView, type DeliveryView } from "./webhook-view";

export const redeliverWebhookInput = z.strictObject({ deliveryId: idSchema });

/**
 * Sends a delivery again (admin only): a new delivery of the same payload — the same event `id`, so a receiver that
 * keeps the ids it handled can tell — with a new delivery id, after the endpoint's waiting deliveries about the same
 * claim. Refused (409) for an endpoint that is paused, and for a delivery still waiting to be sent.
 */
export async function redeliverWebhook(actor: Actor | null, raw: unknown): Promise<DeliveryView> {
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "webhooks:manage");
    const { deliveryId } = parseInput(redeliverWebhookInput, raw);
    const original = await findDelivery(tx, deliveryId);
    if (!original) throw new ServiceError("not_found", text("errors.webhooks.deliveryNotFound", { id: deliveryId }));
    const endpoint = original.webhookId === null ? null : await findWebhook(tx, original.webhookId);
    if (!endpoint) throw new ServiceError("conflict", text("errors.webhooks.endpointGone"));
    if (endpoint.disabledAt) throw new ServiceError("conflict", text("errors.webhooks.redeliverPaused"));
    if (!original.deliveredAt && !original.deadAt) {
      throw new ServiceError("conflict", text("errors.webhooks.stillWaiting", { id: deliveryId }));
    }
    await enqueue(tx, [
      {
        kind: "webhook",
        payload: original.payload,
        event: original.event,
        webhookId: endpoint.id,
        orderingKey: original.orderingKey,
        redeliveryOf: original.id,
      },
    ]);
    const [made] = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.redeliveryOf, original.id), eq(outbox.webhookId, endpoint.id)))
      .orderBy(desc(outbox.id))
      .limit(1);
    const delivery = toDeliveryView((await findDelivery(tx, made!.id))!);
    await recordAudit(tx, who, {
      action: "webhook.redeliver",
      entityType: "webhook",
      entityId: endpoint.id,
      after: { deliveryId: delivery.id, redeliveryOf: original.id, event: delivery.event, eventId: delivery.eventId },
    });
    return delivery;
  });
}
