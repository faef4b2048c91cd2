import { z } from "zod";
import { getDb } from "@/db/client";
import { authorize, type Actor } from "@/lib/auth/actor";
import { idSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { getWebhookOrThrow, toWebhookView, type WebhookView } from "./webhook-view";

export const getWebhookInput = z.strictObject({ webhookId: idSchema });

/** One endpoint (admin only), or a 404. */
export async function getWebhook(actor: Actor | null, raw: unknown): Promise<WebhookView> {
  const db = getDb();
  await authorize(db, actor, "webhooks:manage");
  const { webhookId } = parseInput(getWebhookInput, raw);
  return toWebhookView(await getWebhookOrThrow(db, webhookId));
}
