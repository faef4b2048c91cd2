import { z } from "zod";
import { getDb } from "@/db/client";
import { webhooks } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { writeTransaction } from "@/lib/services/transaction";
import { parseInput } from "@/lib/validation/parse";
import { assertEndpointUrl, generateWebhookSecret, webhookFields } from "./webhook-input";
import { toWebhookView, type WebhookView } from "./webhook-view";

export const createWebhookInput = z.strictObject({
  url: webhookFields.url,
  events: webhookFields.events,
  /** Unset: one is generated and returned, once. */
  secret: webhookFields.secret.optional(),
  description: webhookFields.description,
});

/**
 * Registers an endpoint (admin only) that hears of `events` from now on. Without a secret, one is generated and
 * returned here, once: it is never shown again (lists show its last four characters).
 */
export async function createWebhook(
  actor: Actor | null,
  raw: unknown,
): Promise<{ webhook: WebhookView; secret: string | null }> {
  await authorize(getDb(), actor, "webhooks:manage");
  const input = parseInput(createWebhookInput, raw);
  await assertEndpointUrl(input.url);
  const secret = input.secret ?? generateWebhookSecret();
  const webhook = await writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "webhooks:manage");
    const [row] = await tx
      .insert(webhooks)
      .values({ url: input.url, events: input.events, secret, description: input.description, createdBy: who.id })
      .returning();
    const view = toWebhookView(row!);
    await recordAudit(tx, who, { action: "webhook.create", entityType: "webhook", entityId: row!.id, after: view });
    return view;
  });
  return { webhook, secret: input.secret === undefined ? secret : null };
}
