import { z } from "zod";
import { getDb } from "@/db/client";
import { listDeliveryRows } from "@/db/queries/webhooks";
import { authorize, type Actor } from "@/lib/auth/actor";
import { issueMessage } from "@/lib/i18n/text";
import { idSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { getWebhookOrThrow, toDeliveryView, type DeliveryView } from "./webhook-view";

const NUMBER = issueMessage("validation.number");
const WHOLE = issueMessage("validation.whole");

export const listDeliveriesInput = z.strictObject({
  webhookId: idSchema,
  /** Deliveries a page: 1–100, 20 unless given. */
  limit: z.coerce
    .number({ error: NUMBER })
    .int(WHOLE)
    .min(1, issueMessage("validation.minOne"))
    .max(100, issueMessage("validation.atMost", { max: 100 }))
    .default(20),
  offset: z.coerce
    .number({ error: NUMBER })
    .int(WHOLE)
    .min(0, issueMessage("validation.nonNegative"))
    .max(1_000_000_000, issueMessage("validation.atMost", { max: 1_000_000_000 }))
    .default(0),
});

export type DeliveryPage = { deliveries: DeliveryView[]; total: number; limit: number; offset: number };

/** An endpoint's deliveries (admin only), newest first, a page at a time, each with its attempts and state. */
export async function listDeliveries(actor: Actor | null, raw: unknown): Promise<DeliveryPage> {
  const db = getDb();
  await authorize(db, actor, "webhooks:manage");
  const { webhookId, limit, offset } = parseInput(listDeliveriesInput, raw);
  await getWebhookOrThrow(db, webhookId);
  const { rows, total } = await listDeliveryRows(db, webhookId, { limit, offset });
  return { deliveries: rows.map(toDeliveryView), total, limit, offset };
}
