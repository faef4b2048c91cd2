import { and, count, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { claims, notifications, type NotificationData, type NotificationKind } from "@/db/schema";
import { authorizeAccount, type Actor } from "@/lib/auth/actor";
import { issueMessage } from "@/lib/i18n/text";
import { notificationText } from "@/lib/notifications/words";
import { recordAudit } from "@/lib/services/audit";
import { writeTransaction } from "@/lib/services/transaction";
import { idSchema } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

/** One notification as the bell and the API show it. `message` is in English; the desk words it in its reader's. */
export type NotificationItem = {
  id: number;
  kind: NotificationKind;
  claimId: number | null;
  claimStatement: string | null;
  data: NotificationData;
  message: string;
  createdAt: Date;
  readAt: Date | null;
};

export const listNotificationsInput = z.strictObject({
  /** Only those not yet read. */
  unread: z.boolean({ error: issueMessage("validation.boolean") }).optional(),
  /** Those older than this notification (the next page). */
  before: idSchema.optional(),
  limit: z
    .number({ error: issueMessage("validation.number") })
    .int()
    .min(1, issueMessage("validation.atLeast", { min: 1 }))
    .max(100, issueMessage("validation.atMost", { max: 100 }))
    .optional(),
});

/** The caller's notifications, newest first, and how many are unread. */
export async function listNotifications(
  actor: Actor | null,
  raw: unknown = {},
): Promise<{ items: NotificationItem[]; unread: number }> {
  const db = getDb();
  const me = await authorizeAccount(db, actor);
  const input = parseInput(listNotificationsInput, raw);
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      claimId: notifications.claimId,
      claimStatement: claims.statement,
      data: notifications.data,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(claims, eq(claims.id, notifications.claimId))
    .where(
      and(
        eq(notifications.userId, me.id),
        input.unread ? isNull(notifications.readAt) : undefined,
        input.before ? lt(notifications.id, input.before) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(input.limit ?? 30);
  return {
    items: rows.map((r) => ({
      ...r,
      claimStatement: r.claimStatement ?? null,
      message: String(notificationText(r.kind, r.data)),
    })),
    unread: await unreadCount(me.id),
  };
}

/** How many of a person's notifications are unread (the bell's number). */
export async function unreadCount(userId: number): Promise<number> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export const markNotificationsReadInput = z.union(
  [
    z.strictObject({
      ids: z
        .array(idSchema, { error: issueMessage("validation.idList") })
        .min(1, issueMessage("validation.minOne"))
        .max(500, issueMessage("validation.atMost", { max: 500 })),
    }),
    z.strictObject({ all: z.literal(true, { error: issueMessage("validation.allTrue") }) }),
  ],
  { error: issueMessage("validation.readWhich") },
);

/**
 * Marks some of the caller's notifications read (`{ids}`), or all of them (`{all: true}`); others' are left alone.
 * Returns how many were marked and how many stay unread.
 */
export async function markNotificationsRead(
  actor: Actor | null,
  raw: unknown,
): Promise<{ marked: number; unread: number }> {
  const marked = await writeTransaction(async (tx) => {
    const me = await authorizeAccount(tx, actor);
    const input = parseInput(markNotificationsReadInput, raw);
    const rows = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.userId, me.id),
          isNull(notifications.readAt),
          "ids" in input ? inArray(notifications.id, input.ids) : undefined,
        ),
      )
      .returning({ id: notifications.id });
    if (rows.length > 0) {
      await recordAudit(tx, me, {
        action: "notification.read",
        entityType: "user",
        entityId: me.id,
        after: { notificationIds: rows.map((r) => r.id) },
      });
    }
    return { userId: me.id, n: rows.length };
  });
  return { marked: marked.n, unread: await unreadCount(marked.userId) };
}
