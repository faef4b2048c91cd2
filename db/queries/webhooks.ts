import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { deliveryAttempts, outbox, webhooks, type DeliveryAttempt, type OutboxRow, type Webhook } from "@/db/schema";

/** Where a delivery stands: not tried yet, failed and to be tried again, accepted, or given up. */
export type DeliveryState = "pending" | "retrying" | "delivered" | "dead";
export type DeliveryCounts = Record<DeliveryState, number>;

const isWebhook = eq(outbox.kind, "webhook");
/** How many rows of a group meet a condition. */
const countWhere = (condition: SQL) =>
  sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number);

/** Every webhook endpoint, oldest first. */
export async function listWebhookRows(db: DB | Tx): Promise<Webhook[]> {
  return db.select().from(webhooks).orderBy(asc(webhooks.id));
}

/** One webhook endpoint, or null. */
export async function findWebhook(db: DB | Tx, id: number): Promise<Webhook | null> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id)).limit(1);
  return row ?? null;
}

/** How many deliveries each endpoint has in each state (endpoints with none are absent). */
export async function deliveryCountsByWebhook(db: DB | Tx): Promise<Map<number, DeliveryCounts>> {
  const open = sql`${outbox.deliveredAt} is null and ${outbox.deadAt} is null`;
  const rows = await db
    .select({
      webhookId: outbox.webhookId,
      pending: countWhere(sql`${open} and ${outbox.attempts} = 0`),
      retrying: countWhere(sql`${open} and ${outbox.attempts} > 0`),
      delivered: countWhere(sql`${outbox.deliveredAt} is not null`),
      dead: countWhere(sql`${outbox.deadAt} is not null`),
    })
    .from(outbox)
    .where(isWebhook)
    .groupBy(outbox.webhookId);
  return new Map(
    rows.flatMap(({ webhookId, ...counts }) => (webhookId === null ? [] : [[webhookId, counts] as const])),
  );
}

/** A delivery (an outbox row of kind webhook) with its attempts, oldest attempt first. */
export type DeliveryRow = OutboxRow & { attemptRows: DeliveryAttempt[] };

/** An endpoint's deliveries, a page at a time, newest first, each with its attempts. */
export async function listDeliveryRows(
  db: DB | Tx,
  webhookId: number,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ rows: DeliveryRow[]; total: number }> {
  const where = and(isWebhook, eq(outbox.webhookId, webhookId));
  const rows = await db.select().from(outbox).where(where).orderBy(desc(outbox.id)).limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(outbox).where(where);
  const attempts =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(deliveryAttempts)
          .where(
            inArray(
              deliveryAttempts.outboxId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(deliveryAttempts.id));
  return {
    rows: rows.map((r) => ({ ...r, attemptRows: attempts.filter((a) => a.outboxId === r.id) })),
    total: Number(total?.n ?? 0),
  };
}

/** One delivery with its attempts, or null (an id that is not a webhook delivery is none). */
export async function findDelivery(db: DB | Tx, id: number): Promise<DeliveryRow | null> {
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(isWebhook, eq(outbox.id, id)))
    .limit(1);
  if (!row) return null;
  const attemptRows = await db
    .select()
    .from(deliveryAttempts)
    .where(eq(deliveryAttempts.outboxId, id))
    .orderBy(asc(deliveryAttempts.id));
  return { ...row, attemptRows };
}
