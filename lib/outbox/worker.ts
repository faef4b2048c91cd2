import type { OutboxKind } from "@/db/schema";
import { claimDue, onOutboxWrite, sendOne, type Sender } from "./outbox";

type Worker = { stop(): Promise<void>; wake(): void };

/**
 * Sends the outbox from this server: every `pollMs` (2 s), and at once after a transaction of this process wrote rows.
 * Several servers may run one each; the claim in `claimDue` keeps them from sending a row twice. `sweep`, when given,
 * runs before each round at most every `sweepMs` (the due-date reminders). A send's failure is the row's (it is tried
 * again later); a failure of the worker itself (the database unreachable) is logged and the next round tried.
 */
export function startOutboxWorker(
  senders: Partial<Record<OutboxKind, Sender>>,
  {
    pollMs = 2_000,
    batch = 10,
    sweep,
    sweepMs = 60_000,
  }: { pollMs?: number; batch?: number; sweep?: () => Promise<unknown>; sweepMs?: number } = {},
): Worker {
  const kinds = Object.keys(senders) as OutboxKind[];
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let lastSweep = 0;
  let timer: NodeJS.Timeout | undefined;

  const round = async () => {
    if (sweep && Date.now() - lastSweep >= sweepMs) {
      lastSweep = Date.now();
      await sweep();
    }
    for (;;) {
      const rows = await claimDue(kinds, batch);
      if (rows.length === 0 || stopped) return;
      await Promise.all(rows.map((row) => sendOne(row, senders[row.kind]!)));
    }
  };
  const wake = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((e: unknown) => console.error("The outbox worker failed a round:", e))
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          wake();
        }
      });
  };
  const schedule = () => {
    timer = setTimeout(() => {
      wake();
      schedule();
    }, pollMs);
    timer.unref();
  };
  const unsubscribe = kinds.length > 0 ? onOutboxWrite(wake) : () => {};
  if (kinds.length > 0 || sweep) {
    schedule();
    wake();
  }
  return {
    wake,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      await running;
    },
  };
}
