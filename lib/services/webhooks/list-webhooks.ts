import { getDb } from "@/db/client";
import { deliveryCountsByWebhook, listWebhookRows, type DeliveryCounts } from "@/db/queries/webhooks";
import { authorize, type Actor } from "@/lib/auth/actor";
import { NO_DELIVERIES, toWebhookView, type WebhookView } from "./webhook-view";

/** An endpoint with how many of its deliveries are in each state. */
export type WebhookListItem = WebhookView & { deliveries: DeliveryCounts };

/** Every endpoint, oldest first, with its deliveries counted by state (admin only). */
export async function listWebhooks(actor: Actor | null): Promise<WebhookListItem[]> {
  const db = getDb();
  await authorize(db, actor, "webhooks:manage");
  const [rows, counts] = await Promise.all([listWebhookRows(db), deliveryCountsByWebhook(db)]);
  return rows.map((w) => ({ ...toWebhookView(w), deliveries: counts.get(w.id) ?? NO_DELIVERIES }));
}
