import { and, gt, isNotNull, lte, notExists, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { claims, reminders, type ReminderKind } from "@/db/schema";
import { writeTransaction } from "@/lib/services/transaction";
import { OPEN_CLAIM } from "@/db/queries/assignments";
import { notify } from "./notify";

/** How long before its deadline a claim's assignee is reminded. */
export const DUE_SOON_MS = 24 * 3600 * 1000;

/**
 * Reminds the people working on open claims whose deadline is within 24 hours (`due_soon`) or past (`overdue`): the
 * assignee, or the reviewer when nobody is assigned. Each reminder is made once per claim and deadline (a unique
 * row in `reminders`, whichever server's sweep inserts it first); a new deadline gets its own. Returns how many were
 * made.
 */
export async function sweepReminders(now = new Date()): Promise<number> {
  let made = 0;
  for (const kind of ["overdue", "due_soon"] as const) {
    const due =
      kind === "overdue"
        ? lte(claims.dueAt, now)
        : and(gt(claims.dueAt, now), lte(claims.dueAt, new Date(now.getTime() + DUE_SOON_MS)));
    const pending = await getDb()
      .select({
        id: claims.id,
        dueAt: claims.dueAt,
        statement: claims.statement,
        assigneeId: claims.assigneeId,
        reviewerId: claims.reviewerId,
      })
      .from(claims)
      .where(
        and(
          isNotNull(claims.dueAt),
          due,
          OPEN_CLAIM,
          notExists(
            getDb()
              .select({ one: sql`1` })
              .from(reminders)
              .where(
                sql`${reminders.claimId} = ${claims.id} and ${reminders.kind} = ${kind} and ${reminders.dueAt} = ${claims.dueAt}`,
              ),
          ),
        ),
      )
      .limit(500);
    for (const claim of pending) if (await remind(kind, claim)) made++;
  }
  return made;
}

async function remind(
  kind: ReminderKind,
  claim: { id: number; dueAt: Date | null; statement: string; assigneeId: number | null; reviewerId: number | null },
): Promise<boolean> {
  return writeTransaction(async (tx) => {
    const [made] = await tx
      .insert(reminders)
      .values({ claimId: claim.id, kind, dueAt: claim.dueAt! })
      .onConflictDoNothing()
      .returning({ id: reminders.id });
    if (!made) return false;
    const to = claim.assigneeId ?? claim.reviewerId;
    await notify(tx, {
      kind,
      to: to === null ? [] : [to],
      claimId: claim.id,
      by: null,
      data: { statement: claim.statement, dueAt: claim.dueAt!.toISOString() },
    });
    return true;
  });
}
