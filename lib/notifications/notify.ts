import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  notificationPreferences,
  notifications,
  users,
  type NotificationChannel,
  type NotificationData,
  type NotificationKind,
} from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { getEnv } from "@/lib/config/env";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { enqueue } from "@/lib/outbox/outbox";
import { mailFor } from "./words";

/** The channel of a kind nobody chose one for. */
export const DEFAULT_CHANNEL: NotificationChannel = "both";

export type Notice = {
  kind: NotificationKind;
  /** Who is told; the person who caused it never is (one is not told of one's own doing). */
  to: readonly number[];
  claimId: number | null;
  /** Who caused it; null: the desk itself (a reminder). */
  by: ActingUser | null;
  data?: NotificationData;
};

/**
 * Tells people of something, in the transaction that made it happen: in the app (a notification row) and by email
 * (a mail in the outbox, sent after the commit) as each of them chose for its kind. Disabled accounts are not told.
 * Email is written only when the server can send mail (SMTP_URL); the words are the recipient's interface language's.
 */
export async function notify(tx: Tx, notice: Notice): Promise<void> {
  const to = [...new Set(notice.to)].filter((id) => id !== notice.by?.id);
  if (to.length === 0) return;
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, to), isNull(users.disabledAt)));
  if (people.length === 0) return;
  const chosen = new Map(
    (
      await tx
        .select({ userId: notificationPreferences.userId, channel: notificationPreferences.channel })
        .from(notificationPreferences)
        .where(
          and(
            inArray(
              notificationPreferences.userId,
              people.map((p) => p.id),
            ),
            eq(notificationPreferences.kind, notice.kind),
          ),
        )
    ).map((p) => [p.userId, p.channel]),
  );
  const channel = (id: number) => chosen.get(id) ?? DEFAULT_CHANNEL;
  const data: NotificationData = { ...(notice.by ? { actor: notice.by.name } : {}), ...notice.data };
  const inApp = people.filter((p) => ["app", "both"].includes(channel(p.id)));
  if (inApp.length > 0) {
    await tx.insert(notifications).values(
      inApp.map((p) => ({
        userId: p.id,
        kind: notice.kind,
        claimId: notice.claimId,
        actorId: notice.by?.id ?? null,
        data,
      })),
    );
  }
  const env = getEnv();
  if (!env.smtpUrl) return;
  const byMail = people.filter((p) => ["email", "both"].includes(channel(p.id)));
  const mails = await Promise.all(
    byMail.map(async (p) => ({
      kind: "mail" as const,
      recipientId: p.id,
      payload: {
        to: p.email,
        ...(await mailFor(isLocale(p.locale) ? p.locale : DEFAULT_LOCALE, notice.kind, data, notice.claimId, env)),
      },
    })),
  );
  await enqueue(tx, mails);
}
