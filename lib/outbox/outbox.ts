import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDatabase, type Tx } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { deliveryAttempts, outbox, type OutboxKind, type OutboxRow } from "@/db/schema";
import { queryRows } from "@/db/sql";

/**
 * The transactional outbox. A service that must tell the world of a change (a mail, a webhook delivery) writes an
 * outbox row in the transaction that makes the change, so the two commit together or not at all; after the commit a
 * sender — the worker in each server (`./worker.ts`), or `drainOutbox` — claims due rows, sends them and marks them
 * delivered. Nothing is lost when a server crashes between the change and the send (the row waits), and nothing is
 * sent twice by two servers (a claimed row carries a lock token that only its claimer may finish with). A crash in the
 * instant between a receiver's acceptance and the mark would send that one row again when its lock expires: receivers
 * tell a repeat by the row's id (the mail's Message-ID, the webhook's `X-Claimdesk-Delivery`).
 *
 * Rows with the same `orderingKey` (a webhook endpoint and a claim) are sent one at a time in the order they were
 * written: a row is claimed only when no older row of its key waits. A failed send is tried again after 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h and 10 h (±20 %), 27.6 hours in all, and then given up (`deadAt`), which lets the rows behind
 * it go.
 */

/** A row to write: what to send, and the key that orders it among others. */
export type OutboxMessage = {
  kind: OutboxKind;
  payload: unknown;
  orderingKey?: string | null;
  webhookId?: number | null;
  event?: string | null;
  recipientId?: number | null;
  redeliveryOf?: number | null;
};

/** How a send ended: accepted, or failed for now (tried again) or for good (`permanent`: a 5xx SMTP reply…). */
export type SendOutcome = {
  ok: boolean;
  status?: number | null;
  response?: string | null;
  error?: string | null;
  permanent?: boolean;
};

/** Sends one claimed row; never throws (a thrown error counts as a failure to try again). */
export type Sender = (row: OutboxRow) => Promise<SendOutcome>;

/** Delays before each retry, in ms: attempt n failing waits RETRY_DELAYS_MS[n-1]; after the last, the row dies. */
export const RETRY_DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;
/** How long a claim holds a row: longer than any send may take (mail and webhooks time out after 30 s). */
export const LOCK_MS = 120_000;
/** How much of a response an attempt keeps. */
const RESPONSE_CHARS = 2000;

// On globalThis: Next bundles the server's start-up (where the worker listens) apart from the routes (that write).
const holder = globalThis as unknown as { __claimdeskOutbox?: { listeners: Set<() => void>; written: boolean } };
const state = (holder.__claimdeskOutbox ??= { listeners: new Set(), written: false });

/** Calls `fn` after a transaction that wrote outbox rows committed (the worker sends them without waiting to poll). */
export function onOutboxWrite(fn: () => void): () => void {
  state.listeners.add(fn);
  return () => state.listeners.delete(fn);
}

/**
 * Tells the listeners that outbox rows were committed, if any were written since it was last called: `writeTransaction`
 * calls it after each commit, outside the transaction (a listener that starts one of its own may).
 */
export function announceOutboxWrites(): void {
  if (!state.written) return;
  state.written = false;
  for (const fn of state.listeners) fn();
}

/** Writes rows to send after the commit of `tx`. */
export async function enqueue(tx: Tx, messages: OutboxMessage[], now = new Date()): Promise<void> {
  if (messages.length === 0) return;
  await tx.insert(outbox).values(
    messages.map((m) => ({
      kind: m.kind,
      payload: m.payload,
      orderingKey: m.orderingKey ?? null,
      webhookId: m.webhookId ?? null,
      event: m.event ?? null,
      recipientId: m.recipientId ?? null,
      redeliveryOf: m.redeliveryOf ?? null,
      nextAttemptAt: now,
    })),
  );
  // Rolled back after all? The next announcement wakes the worker for nothing: a wasted look, no harm.
  state.written = true;
}

/** The delay before the next try after `attempts` failures, with ±20 % jitter; null when the retries ran out. */
export function retryDelay(attempts: number, random = Math.random): number | null {
  const base = RETRY_DELAYS_MS[attempts - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Claims up to `limit` due rows of the given kinds for one sender: each is the oldest waiting row of its ordering key,
 * not delivered, not dead, not claimed by another sender whose lock still holds.
 */
export async function claimDue(kinds: readonly OutboxKind[], limit: number, now = new Date()): Promise<OutboxRow[]> {
  const token = randomUUID();
  const at = now.getTime();
  const until = at + LOCK_MS;
  const kindList = sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  );
  // PostgreSQL: rows another sender is claiming at this moment are skipped, not waited for.
  const skipLocked = ENGINE === "postgres" ? sql` for update skip locked` : sql``;
  const ids = await getDatabase().transaction(
    (tx) =>
      queryRows<{ id: number }>(
        tx,
        sql`update outbox set locked_until = ${until}, lock_token = ${token}
          where id in (
            select o.id from outbox o
            where o.delivered_at is null and o.dead_at is null and o.next_attempt_at <= ${at}
              and o.kind in (${kindList})
              and (o.locked_until is null or o.locked_until < ${at})
              and (o.ordering_key is null or not exists (
                select 1 from outbox p
                where p.ordering_key = o.ordering_key and p.id < o.id
                  and p.delivered_at is null and p.dead_at is null))
            order by o.id
            limit ${limit}${skipLocked})
          returning id`,
      ),
    // Its own locks keep it right: concurrent senders skip each other's rows instead of aborting each other.
    { readCommitted: true },
  );
  if (ids.length === 0) return [];
  const rows = await getDatabase()
    .db.select()
    .from(outbox)
    .where(
      sql`${outbox.id} in (${sql.join(
        ids.map((r) => sql`${r.id}`),
        sql`, `,
      )}) and ${outbox.lockToken} = ${token}`,
    );
  return rows.sort((a, b) => a.id - b.id);
}

/**
 * Records how a claimed row's send ended: the attempt, then delivered, retried later, or dead. Does nothing to the row
 * when the claim was lost (its lock ran out and another sender took it), but the attempt is still recorded.
 */
export async function finish(row: OutboxRow, outcome: SendOutcome, startedAt: Date, now = new Date()): Promise<void> {
  const attempts = row.attempts + 1;
  const delay = outcome.ok || outcome.permanent ? null : retryDelay(attempts);
  await getDatabase().transaction(
    async (tx) => {
      // Deleted while it was being sent (its webhook endpoint was, and took its rows with it): nothing to record.
      const [still] = await tx.select({ id: outbox.id }).from(outbox).where(eq(outbox.id, row.id));
      if (!still) return;
      await tx.insert(deliveryAttempts).values({
        outboxId: row.id,
        at: startedAt,
        durationMs: Math.max(0, now.getTime() - startedAt.getTime()),
        status: outcome.status ?? null,
        response: outcome.response ? outcome.response.slice(0, RESPONSE_CHARS) : null,
        error: outcome.error ? outcome.error.slice(0, RESPONSE_CHARS) : null,
      });
      await tx
        .update(outbox)
        .set({
          attempts,
          lockedUntil: null,
          lockToken: null,
          lastStatus: outcome.status ?? null,
          lastError: outcome.ok
            ? null
            : (outcome.error ?? `status ${outcome.status ?? "none"}`).slice(0, RESPONSE_CHARS),
          ...(outcome.ok
            ? { deliveredAt: now }
            : delay === null
              ? { deadAt: now }
              : { nextAttemptAt: new Date(now.getTime() + delay) }),
        })
        .where(and(eq(outbox.id, row.id), eq(outbox.lockToken, row.lockToken!)));
    },
    { readCommitted: true },
  );
}

/** Claims, sends and finishes due rows until none is left; returns how many sends were made. For tests and the CLI. */
export async function drainOutbox(
  senders: Partial<Record<OutboxKind, Sender>>,
  { now = () => new Date(), batch = 10 }: { now?: () => Date; batch?: number } = {},
): Promise<number> {
  const kinds = Object.keys(senders) as OutboxKind[];
  let sent = 0;
  for (;;) {
    const rows = await claimDue(kinds, batch, now());
    if (rows.length === 0) return sent;
    await Promise.all(rows.map((row) => sendOne(row, senders[row.kind]!, now)));
    sent += rows.length;
  }
}

/** Sends one claimed row and records the outcome. */
export async function sendOne(row: OutboxRow, send: Sender, now: () => Date = () => new Date()): Promise<void> {
  const startedAt = now();
  let outcome: SendOutcome;
  try {
    outcome = await send(row);
  } catch (e) {
    outcome = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  await finish(row, outcome, startedAt, now());
}
