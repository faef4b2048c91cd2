import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { webhooks } from "@/db/schema";
import { authorize, type Actor } from "@/lib/auth/actor";
import { issueMessage } from "@/lib/i18n/text";
import { recordAudit } from "@/lib/services/audit";
import { writeTransaction } from "@/lib/services/transaction";
import { assertVersion } from "@/lib/services/versioning";
import { idSchema, versionSchema } from "@/lib/validation/common";
import { parseInput, sentFields } from "@/lib/validation/parse";
import { assertEndpointUrl, webhookFields } from "./webhook-input";
import { getWebhookOrThrow, toWebhookView, type WebhookView } from "./webhook-view";

const FIELDS = ["url", "events", "secret", "description", "active"] as const;

export const updateWebhookInput = z
  .strictObject({
    webhookId: idSchema,
    /** The version the change was made from: 409 when the endpoint changed since. */
    version: versionSchema,
    url: webhookFields.url.optional(),
    events: webhookFields.events.optional(),
    secret: webhookFields.secret.optional(),
    description: webhookFields.description.optional(),
    /** false pauses the endpoint (no deliveries are made for it); true resumes it. */
    active: z.boolean({ error: issueMessage("validation.boolean") }).optional(),
  })
  .refine((v) => FIELDS.some((k) => v[k] !== undefined), {
    message: issueMessage("validation.webhookChange", { fields: FIELDS.join(", ") }),
    path: ["url"],
  });

/**
 * Changes an endpoint (admin only): its URL (checked as at registration), events, secret, description, or pauses and
 * resumes it. Deliveries waiting for a paused endpoint fail for good when their turn comes (an admin sends them again
 * after resuming it); events that happen while it is paused are not kept for it.
 */
export async function updateWebhook(actor: Actor | null, raw: unknown): Promise<WebhookView> {
  await authorize(getDb(), actor, "webhooks:manage");
  const input = parseInput(updateWebhookInput, raw);
  if (input.url !== undefined) await assertEndpointUrl(input.url);
  const sent = sentFields(raw, input, ["url", "events", "secret", "description"]);
  return writeTransaction(async (tx) => {
    const who = await authorize(tx, actor, "webhooks:manage");
    const before = await getWebhookOrThrow(tx, input.webhookId);
    await assertVersion(tx, before, input.version, { type: "webhook", id: before.id });
    const disabledAt =
      input.active === undefined ? before.disabledAt : input.active ? null : (before.disabledAt ?? new Date());
    const [after] = await tx
      .update(webhooks)
      .set({ ...sent, disabledAt, updatedAt: new Date(), version: sql`${webhooks.version} + 1` })
      .where(eq(webhooks.id, before.id))
      .returning();
    const action =
      input.active === false && !before.disabledAt
        ? "webhook.pause"
        : input.active === true && before.disabledAt
          ? "webhook.resume"
          : "webhook.update";
    await recordAudit(tx, who, {
      action,
      entityType: "webhook",
      entityId: before.id,
      before: toWebhookView(before),
      after: { ...toWebhookView(after!), ...(sent.secret !== undefined ? { secretChanged: true } : {}) },
    });
    return toWebhookView(after!);
  });
}
