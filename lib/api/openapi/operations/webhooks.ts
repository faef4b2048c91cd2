import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/db/enums";
import { createWebhookInput } from "@/lib/services/webhooks/create-webhook";
import { listDeliveriesInput } from "@/lib/services/webhooks/list-deliveries";
import { updateWebhookInput } from "@/lib/services/webhooks/update-webhook";
import { json, noBody, type Operation } from "../operation";
import { requestBody } from "../request-body";
import { instant } from "../row-schema";

const tag = "Webhooks";
const int = () => z.number().int();
const webhookId = { id: z.string().meta({ description: "The endpoint's id." }) };

const webhookView = z
  .object({
    id: int(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    description: z.string().nullable(),
    active: z.boolean().meta({ description: "False while an admin has paused it: no deliveries are made for it." }),
    disabledAt: instant.nullable(),
    secretLast4: z.string().meta({ description: "The signing secret's last four characters (never the secret)." }),
    createdAt: instant,
    updatedAt: instant,
    version: int(),
  })
  .meta({
    id: "WebhookEndpoint",
    example: {
      id: 1,
      url: "https://cms.example.org/hooks/claimdesk",
      events: ["verdict.published", "verdict.corrected", "verdict.retracted"],
      description: "The CMS's fact-check box",
      active: true,
      disabledAt: null,
      secretLast4: "x9Qk",
      createdAt: "2026-03-01T08:00:00.000Z",
      updatedAt: "2026-03-01T08:00:00.000Z",
      version: 1,
    },
  });

const deliveryCounts = z
  .object({ pending: int(), retrying: int(), delivered: int(), dead: int() })
  .meta({ description: "How many of its deliveries are in each state." });

const delivery = z
  .object({
    id: int(),
    webhookId: int(),
    event: z.string(),
    eventId: z.string().nullable().meta({ description: "The payload's `id`: a redelivery carries its original's." }),
    claimId: int().nullable(),
    redeliveryOf: int().nullable().meta({ description: "The delivery this one sends again, if it does." }),
    createdAt: instant,
    state: z.enum(["pending", "retrying", "delivered", "dead"]),
    nextAttemptAt: instant.nullable().meta({ description: "When it will be tried (again); null once done." }),
    deliveredAt: instant.nullable(),
    deadAt: instant.nullable(),
    lastStatus: int().nullable(),
    lastError: z.string().nullable(),
    attempts: z.array(
      z.object({
        at: instant,
        durationMs: int(),
        status: int().nullable().meta({ description: "The receiver's HTTP status; null when nothing answered." }),
        response: z.string().nullable().meta({ description: "The start of the receiver's answer." }),
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "WebhookDelivery", description: "A delivery of one event to one endpoint, with every attempt at it." });

export const webhookOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/webhooks",
    operationId: "listWebhooks",
    summary: "Every webhook endpoint, with its deliveries counted by state (admin)",
    tag,
    access: "signed-in",
    responses: {
      200: json("The endpoints.", z.object({ webhooks: z.array(webhookView.extend({ deliveries: deliveryCounts })) })),
    },
  },
  {
    method: "post",
    path: "/api/v1/webhooks",
    operationId: "createWebhook",
    summary: "Register a webhook endpoint (admin)",
    description:
      "It hears of `events` from now on. Without `secret`, one is generated and returned here, once. The URL must be " +
      "http(s), without credentials, at an address deliveries may reach (`WEBHOOK_ALLOW_HOSTS` for private ones).",
    tag,
    access: "signed-in",
    body: {
      schema: createWebhookInput,
      example: {
        url: "https://cms.example.org/hooks/claimdesk",
        events: ["verdict.published", "verdict.corrected", "verdict.retracted"],
        description: "The CMS's fact-check box",
      },
    },
    responses: {
      201: json(
        "The endpoint, and the generated secret (shown this once; null when one was given).",
        z.object({ webhook: webhookView, secret: z.string().nullable() }),
      ),
    },
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{id}",
    operationId: "getWebhook",
    summary: "A webhook endpoint (admin)",
    tag,
    access: "signed-in",
    params: webhookId,
    responses: { 200: json("The endpoint.", z.object({ webhook: webhookView })) },
  },
  {
    method: "patch",
    path: "/api/v1/webhooks/{id}",
    operationId: "updateWebhook",
    summary: "Change, pause or resume a webhook endpoint (admin)",
    description: "`active: false` pauses it: deliveries waiting for it fail for good when their turn comes.",
    tag,
    access: "signed-in",
    params: webhookId,
    body: { schema: requestBody(updateWebhookInput, ["webhookId"]), example: { version: 1, active: false } },
    responses: { 200: json("The endpoint as saved.", z.object({ webhook: webhookView })) },
  },
  {
    method: "delete",
    path: "/api/v1/webhooks/{id}",
    operationId: "deleteWebhook",
    summary: "Delete a webhook endpoint and its deliveries (admin)",
    tag,
    access: "signed-in",
    params: webhookId,
    responses: { 204: noBody("Deleted.") },
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "An endpoint's deliveries, newest first, with their attempts (admin)",
    tag,
    access: "signed-in",
    params: webhookId,
    query: listDeliveriesInput.omit({ webhookId: true }),
    responses: {
      200: json(
        "A page of deliveries.",
        z.object({ deliveries: z.array(delivery), total: int(), limit: int(), offset: int() }),
      ),
    },
  },
  {
    method: "post",
    path: "/api/v1/webhook-deliveries/{id}/redeliver",
    operationId: "redeliverWebhook",
    summary: "Send a delivered or given-up delivery again (admin)",
    description: "As a new delivery of the same event (the payload's `id` stays).",
    tag,
    access: "signed-in",
    params: { id: z.string().meta({ description: "The delivery's id." }) },
    responses: { 201: json("The new delivery.", z.object({ delivery })) },
  },
];
