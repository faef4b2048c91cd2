import { failingOutboxRows, outboxCounts } from "@/db/queries/outbox";
import { translatorFor } from "@/lib/i18n/catalogue";
import { sendMail } from "@/lib/mail/send";
import { sweepReminders } from "@/lib/notifications/reminders";
import { drainOutbox } from "@/lib/outbox/outbox";
import { deliverWebhook } from "@/lib/webhooks/deliver";
import { UsageError } from "./errors";
import { cliLocale } from "./locale";

/**
 * `cli outbox`: what the outbox holds — per kind, the mails and webhook deliveries waiting, delivered and given up,
 * then the last failures with their errors. `cli outbox send`: makes the due reminders and sends what is due now, as
 * a server's worker would (for a desk whose servers are stopped, or to see a send's error at once).
 */
export async function runOutboxCommand(args: string[], out: (line: string) => void): Promise<void> {
  const t = await translatorFor(cliLocale());
  const [sub] = args;
  if (sub === "send") {
    const reminders = await sweepReminders();
    const sent = await drainOutbox({ mail: sendMail, webhook: deliverWebhook });
    out(t("cli.outbox.sent", { reminders, sent }));
  } else if (sub !== undefined) {
    throw new UsageError(t("cli.outbox.unknown", { command: sub, usage: t("cli.outbox.usage") }));
  }
  const counts = await outboxCounts();
  if (counts.length === 0) out(t("cli.outbox.empty"));
  for (const c of counts) out(t("cli.outbox.counts", c));
  const failing = await failingOutboxRows();
  if (failing.length > 0) out(t("cli.outbox.failing"));
  for (const r of failing) {
    out(
      t(r.deadAt ? "cli.outbox.dead" : "cli.outbox.retrying", {
        id: r.id,
        kind: r.kind,
        attempts: r.attempts,
        next: r.nextAttemptAt,
        error: r.lastError ?? "",
      }),
    );
  }
}
