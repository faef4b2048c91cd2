import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { WEBHOOK_EVENTS, webhookPayload } from "@/lib/webhooks/payload";

type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Each event's payload: the event named, and the verdict there for `verdict.*` events and null for `claim.*` ones. */
function payloadOf(event: WebhookEvent) {
  const verdict = webhookPayload.shape.verdict.unwrap();
  return webhookPayload.extend({
    event: z.literal(event),
    verdict: event.startsWith("verdict.") ? verdict : z.null(),
  });
}

const deliveryHeaders = z.object({
  "X-Claimdesk-Event": z.enum(WEBHOOK_EVENTS).meta({ description: "The event, as in the body." }),
  "X-Claimdesk-Delivery": z.string().meta({ description: "This delivery: a new one for each delivery sent again." }),
  "X-Claimdesk-Signature": z.string().meta({
    description:
      "`sha256=` and the hex HMAC-SHA256 of the body's bytes, keyed with the endpoint's secret: check it before " +
      "trusting the body.",
  }),
});

/** The document's `webhooks`: what an endpoint subscribed to each event is sent (a POST of JSON). */
export function webhookDescriptions(): ZodOpenApiPathsObject {
  return Object.fromEntries(
    WEBHOOK_EVENTS.map((event) => [
      event,
      {
        post: {
          operationId: `webhook.${event}`,
          summary: `The \`${event}\` event`,
          description:
            "Sent to every active endpoint subscribed to the event, in order per claim. `id` names the event: a " +
            "delivery sent again carries the same `id`, so a receiver that keeps the ids it handled handles each " +
            "event once. Any answer but 2xx within 10 seconds (redirects are not followed) is tried again later.",
          tags: ["Webhooks"],
          requestParams: { header: deliveryHeaders },
          requestBody: { required: true, content: { "application/json": { schema: payloadOf(event) } } },
          responses: {
            "2XX": { description: "Received: the delivery is done." },
            default: { description: "Not received: the delivery is tried again on the outbox's schedule." },
          },
        },
      },
    ]),
  );
}
