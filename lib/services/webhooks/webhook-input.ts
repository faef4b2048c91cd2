import { randomBytes } from "node:crypto";
import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/db/enums";
import { getEnv } from "@/lib/config/env";
import { issueMessage, text } from "@/lib/i18n/text";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { httpUrlSchema, optionalText } from "@/lib/validation/common";
import { WebhookAddressPolicy } from "@/lib/webhooks/address-policy";
import { endpointUrlProblem } from "@/lib/webhooks/endpoint-url";

const EVENT_LIST = issueMessage("validation.eventList", { options: WEBHOOK_EVENTS.join(", ") });
const SECRET = issueMessage("validation.webhookSecret", { min: 16, max: 256 });

/** The events an endpoint hears of: one or more of WEBHOOK_EVENTS, each once, kept in the list's order. */
export const webhookEventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS, { error: EVENT_LIST }), { error: EVENT_LIST })
  .min(1, EVENT_LIST)
  .transform((events) => WEBHOOK_EVENTS.filter((e) => events.includes(e)));

/** A signing secret chosen by the admin: 16 to 256 visible ASCII characters (no spaces, which copying adds). */
export const webhookSecretSchema = z
  .string({ error: SECRET })
  .min(16, SECRET)
  .max(256, SECRET)
  .regex(/^[\x21-\x7e]+$/, SECRET);

/** The fields of an endpoint, as create and update take them. */
export const webhookFields = {
  url: httpUrlSchema,
  events: webhookEventsSchema,
  secret: webhookSecretSchema,
  description: optionalText(500),
};

/** A new signing secret: `whsec_` and 32 random bytes in base64url. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** The address policy of WEBHOOK_ALLOW_HOSTS. */
export function webhookPolicy(): WebhookAddressPolicy {
  return new WebhookAddressPolicy(getEnv().webhookAllowHosts);
}

/**
 * Refuses (422 naming `url`) a URL deliveries could not be sent to: with a user name or password, or at an address the
 * policy refuses — the one in the URL or any its host name resolves to now. Looks the name up: call it outside a
 * transaction.
 */
export async function assertEndpointUrl(url: string): Promise<void> {
  const problem = await endpointUrlProblem(url, webhookPolicy());
  if (problem) {
    throw new ServiceError("validation_failed", text("errors.webhooks.badUrl", { reason: problem }), [
      fieldIssue("url", problem),
    ]);
  }
}
