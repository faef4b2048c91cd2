import { desc, isNotNull, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox, type OutboxKind } from "@/db/schema";

/** How many of each kind of outbox row wait, were delivered, or were given up. */
export async function outboxCounts(): Promise<
  { kind: OutboxKind; waiting: number; delivered: number; dead: number }[]
> {
  const rows = await getDb()
    .select({
      kind: outbox.kind,
      waiting: sql<number>`sum(case when ${outbox.deliveredAt} is null and ${outbox.deadAt} is null then 1 else 0 end)`,
      delivered: sql<number>`sum(case when ${outbox.deliveredAt} is not null then 1 else 0 end)`,
      dead: sql<number>`sum(case when ${outbox.deadAt} is not null then 1 else 0 end)`,
    })
    .from(outbox)
    .groupBy(outbox.kind)
    .orderBy(outbox.kind);
  return rows.map((r) => ({ ...r, waiting: Number(r.waiting), delivered: Number(r.delivered), dead: Number(r.dead) }));
}

/** The rows whose last send failed (waiting for a retry, or given up), newest first. */
export async function failingOutboxRows(limit = 10) {
  return await getDb()
    .select({
      id: outbox.id,
      kind: outbox.kind,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      deadAt: outbox.deadAt,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .where(or(isNotNull(outbox.deadAt), sql`${outbox.attempts} > 0 and ${isNull(outbox.deliveredAt)}`))
    .orderBy(desc(outbox.id))
    .limit(limit);
}
