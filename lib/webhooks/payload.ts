import { z } from "zod";
import { PRIORITIES, WEBHOOK_EVENTS } from "@/db/enums";

export { WEBHOOK_EVENTS };

/** A claim as a webhook delivery carries it: who works on it and by when, and where to see it. */
const webhookClaim = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    statement: z.string(),
    claimant: z.string(),
    /** The claim on the desk (needs a sign-in). */
    deskUrl: z.string(),
    /** The claim on the public site; null until a verdict on it was published. */
    publicUrl: z.string().nullable(),
    assigneeId: z.number().int().nullable(),
    reviewerId: z.number().int().nullable(),
    dueAt: z.string().nullable().meta({ description: "ISO 8601 instant" }),
    priority: z.enum(PRIORITIES),
  })
  .meta({ id: "WebhookClaim" });

/** A verdict version as a webhook delivery carries it. */
const webhookVerdict = z
  .object({
    id: z.number().int(),
    /** 1 for the first version; a correction is a later one. */
    seq: z.number().int(),
    state: z.string(),
    ratingKey: z.string().nullable(),
    ratingLabel: z.string().nullable(),
    summary: z.string().nullable(),
    language: z.string().nullable(),
    authorId: z.number().int().nullable(),
    publishedAt: z.string().nullable(),
    correctionNote: z.string().nullable(),
    retractionReason: z.string().nullable(),
  })
  .meta({ id: "WebhookVerdict" });

/**
 * The JSON body of every webhook delivery. `id` names the event: a delivery sent again carries the same `id` (and a
 * new `X-Claimdesk-Delivery`), so a receiver that keeps the ids it handled handles each event once.
 */
export const webhookPayload = z
  .object({
    id: z.uuid(),
    event: z.enum(WEBHOOK_EVENTS),
    occurredAt: z.string().meta({ description: "ISO 8601 instant" }),
    actor: z.object({ id: z.number().int().nullable(), name: z.string() }).nullable(),
    claim: webhookClaim,
    /** The verdict version the event is about (verdict.* events); null for claim.* events. */
    verdict: webhookVerdict.nullable(),
  })
  .meta({ id: "WebhookPayload" });

export type WebhookPayload = z.infer<typeof webhookPayload>;
