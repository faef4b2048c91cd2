import { eq } from "drizzle-orm";
import { z } from "zod";
import { webhooks } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/services/audit";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { getWebhookOrThrow, toWebhookView } from "./webhook-view";

export const deleteWebhookInput = z.strictObject({ webhookId: idSchema });

/** Deletes an endpoint (admin only), and with it its deliveries, sent or waiting, and their attempts. */
export async function deleteWebhook(actor: Actor | null, raw: unknown): Promise<void> {
  await writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "webhooks:manage");
    const { webhookId } = parseInput(deleteWebhookInput, raw);
    const before = await getWebhookOrThrow(tx, webhookId);
    await tx.delete(webhooks).where(eq(webhooks.id, webhookId));
    await recordAudit(tx, who, {
      action: "webhook.delete",
      entityType: "webhook",
      entityId: webhookId,
      before: toWebhookView(before),
    });
  });
}
