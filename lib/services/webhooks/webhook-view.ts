import type { DB, Tx } from "@/db/client";
import type { WebhookEvent } from "@/db/enums";
import { findWebhook, type DeliveryCounts, type DeliveryRow, type DeliveryState } from "@/db/queries/webhooks";
import type { Webhook } from "@/db/schema";
import { text } from "@/lib/i18n/text";
import { ServiceError } from "@/lib/services/errors";

/** What Claimdesk shows of an endpoint: never its secret, only the secret's last four characters. */
export type WebhookView = {
  id: number;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  /** False while an admin has paused it: no deliveries are made for it. */
  active: boolean;
  disabledAt: Date | null;
  secretLast4: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

/** The view of an endpoint row. */
export function toWebhookView(w: Webhook): WebhookView {
  return {
    id: w.id,
    url: w.url,
    events: w.events as WebhookEvent[],
    description: w.description,
    active: w.disabledAt === null,
    disabledAt: w.disabledAt,
    secretLast4: w.secret.slice(-4),
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    version: w.version,
  };
}

/** An endpoint, or a 404. */
export async function getWebhookOrThrow(db: DB | Tx, id: number): Promise<Webhook> {
  const row = await findWebhook(db, id);
  if (!row) throw new ServiceError("not_found", text("errors.webhooks.notFound", { id }));
  return row;
}

/** No deliveries in any state. */
export const NO_DELIVERIES: DeliveryCounts = { pending: 0, retrying: 0, delivered: 0, dead: 0 };

/** One try at sending a delivery. */
export type AttemptView = {
  at: Date;
  durationMs: number;
  /** The receiver's HTTP status; null when nothing answered. */
  status: number | null;
  /** The start of the receiver's answer (at most 2,000 characters). */
  response: string | null;
  error: string | null;
};

/** A delivery of one event to one endpoint, with every attempt at it. */
export type DeliveryView = {
  id: number;
  webhookId: number;
  event: string;
  /** The event's id (the payload's `id`): a redelivery carries its original's. */
  eventId: string | null;
  claimId: number | null;
  /** The delivery this one sends again, if it does. */
  redeliveryOf: number | null;
  createdAt: Date;
  state: DeliveryState;
  /** When it will be tried (again); null once delivered or dead. */
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  deadAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  attempts: AttemptView[];
};

/** The view of a delivery row. */
export function toDeliveryView(row: DeliveryRow): DeliveryView {
  const payload = (row.payload ?? {}) as { id?: unknown; event?: unknown; claim?: { id?: unknown } };
  const state: DeliveryState = row.deliveredAt
    ? "delivered"
    : row.deadAt
      ? "dead"
      : row.attempts > 0
        ? "retrying"
        : "pending";
  return {
    id: row.id,
    webhookId: row.webhookId!,
    event: row.event ?? String(payload.event ?? ""),
    eventId: typeof payload.id === "string" ? payload.id : null,
    claimId: typeof payload.claim?.id === "number" ? payload.claim.id : null,
    redeliveryOf: row.redeliveryOf,
    createdAt: row.createdAt,
    state,
    nextAttemptAt: state === "pending" || state === "retrying" ? row.nextAttemptAt : null,
    deliveredAt: row.deliveredAt,
    deadAt: row.deadAt,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    attempts: row.attemptRows.map((a) => ({
      at: a.at,
      durationMs: a.durationMs,
      status: a.status,
      response: a.response,
      error: a.error,
    })),
  };
}
