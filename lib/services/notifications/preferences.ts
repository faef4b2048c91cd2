import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  notificationPreferences,
  type NotificationChannel,
  type NotificationKind,
} from "@/db/schema";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { issueMessage } from "@/lib/i18n/text";
import { DEFAULT_CHANNEL } from "@/lib/notifications/notify";
import { recordAudit } from "@/lib/services/audit";
import { writeTransaction } from "@/lib/services/transaction";
import { parseInput } from "@/lib/validation/parse";

export type NotificationPreferences = Record<NotificationKind, NotificationChannel>;

const channel = z.enum(NOTIFICATION_CHANNELS, {
  error: issueMessage("validation.oneOf", { options: NOTIFICATION_CHANNELS.join(", ") }),
});

/** Some kinds' channels (`{"assigned": "both", "due_soon": "email"}`); kinds not sent stay as they are. */
export const notificationPreferencesInput = z.strictObject(
  Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, channel.optional()])) as Record<
    NotificationKind,
    z.ZodOptional<typeof channel>
  >,
);

/** The caller's channel for every kind (`both` where they chose none). */
export async function getNotificationPreferences(actor: Actor | null): Promise<NotificationPreferences> {
  const me = await authorizeAccount(getDb(), actor);
  return preferencesOf(me.id);
}

async function preferencesOf(userId: number, db = getDb()): Promise<NotificationPreferences> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r.channel]));
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((k) => [k, chosen.get(k) ?? DEFAULT_CHANNEL]),
  ) as NotificationPreferences;
}

/** Sets where the caller is told of each kind: in the app, by email, both, or not at all. Returns them all. */
export async function setNotificationPreferences(actor: Actor | null, raw: unknown): Promise<NotificationPreferences> {
  return writeTransaction(async (tx) => {
    const me = await authorizeAccount(tx, actor);
    const input = parseInput(notificationPreferencesInput, raw);
    const before = await preferencesOf(me.id, tx);
    const changed = NOTIFICATION_KINDS.filter((k) => input[k] !== undefined && input[k] !== before[k]);
    if (changed.length === 0) return before;
    for (const kind of changed) {
      await tx
        .insert(notificationPreferences)
        .values({ userId: me.id, kind, channel: input[kind]! })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { channel: input[kind]! },
        });
    }
    const after = { ...before, ...Object.fromEntries(changed.map((k) => [k, input[k]!])) };
    await recordAudit(tx, me, {
      action: "user.notification_preferences",
      entityType: "user",
      entityId: me.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return after;
  });
}
