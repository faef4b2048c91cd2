import { and, eq, gt, isNotNull, isNull, lte, notExists, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { claims, reminders, type ReminderKind } from "@/db/schema";
import { writeTransaction } from "@/lib/services/transaction";
import { OPEN_CLAIM } from "@/db/queries/assignments";
import { notify } from "./notify";

/** How long before its deadline a claim's assignee is reminded. */
export const DUE_SOON_MS = 24 * 3600 * 1000;

/**
 * Reminds the people working on open claims whose deadline is within 24 hours (`due_soon`) or past (`overdue`): the
 * assignee, or the reviewer when nobody is assigned (a claim with neither waits until someone takes it). Repeats are
 * left out: their work is the claim they repeat. Each reminder is made once per claim and deadline (a unique row in
 * `reminders`, whichever server's sweep inserts it first), from the claim as it stands in that transaction; a new
 * deadline gets its own. Returns how many were made.
 */
export async function sweepReminders(now = new Date()): Promise<number> {
  let made = 0;
  for (const kind of ["overdue", "due_soon"] as const) {
    const candidates = await getDb()
      .select({ id: claims.id })
      .from(claims)
      .where(and(due(kind, now), notReminded(kind)))
      .limit(500);
    for (const { id } of candidates) if (await remind(kind, id, now)) made++;
  }
  return made;
}

/** Open claims, not repeats, with someone to tell, whose deadline is within a day (`due_soon`) or past (`overdue`). */
function due(kind: ReminderKind, now: Date) {
  return and(
    isNotNull(claims.dueAt),
    kind === "overdue"
      ? lte(claims.dueAt, now)
      : and(gt(claims.dueAt, now), lte(claims.dueAt, new Date(now.getTime() + DUE_SOON_MS))),
    isNull(claims.repeatOf),
    or(isNotNull(claims.assigneeId), isNotNull(claims.reviewerId)),
    OPEN_CLAIM,
  );
}

/** No reminder of this kind was made for the claim's current deadline. */
const notReminded = (kind: ReminderKind) =>
  notExists(
    getDb()
      .select({ one: sql`1` })
      .from(reminders)
      .where(
        sql`${reminders.claimId} = ${claims.id} and ${reminders.kind} = ${kind} and ${reminders.dueAt} = ${claims.dueAt}`,
      ),
  );

async function remind(kind: ReminderKind, claimId: number, now: Date): Promise<boolean> {
  return writeTransaction(async (tx) => {
    // As it stands now: reassigned, given a new deadline or published since the sweep looked, it is judged again.
    const [claim] = await tx
      .select({
        id: claims.id,
        dueAt: claims.dueAt,
        statement: claims.statement,
        assigneeId: claims.assigneeId,
        reviewerId: claims.reviewerId,
      })
      .from(claims)
      .where(and(eq(claims.id, claimId), due(kind, now)))
      .limit(1);
    if (!claim) return false;
    const [made] = await tx
      .insert(reminders)
      .values({ claimId: claim.id, kind, dueAt: claim.dueAt! })
      .onConflictDoNothing()
      .returning({ id: reminders.id });
    if (!made) return false;
    await notify(tx, {
      kind,
      to: [claim.assigneeId ?? claim.reviewerId!],
      claimId: claim.id,
      by: null,
      data: { statement: claim.statement, dueAt: claim.dueAt!.toISOString() },
    });
    return true;
  });
}
