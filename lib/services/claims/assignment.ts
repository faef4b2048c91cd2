import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { PRIORITIES, users, type Claim } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { issueMessage, text, type Text } from "@/lib/i18n/text";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { idSchema, isoDateSchema } from "@/lib/validation/common";
import { notify } from "@/lib/notifications/notify";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

const DUE = issueMessage("validation.dateOrDateTime");

/**
 * When work is due: a date `YYYY-MM-DD` (due at the end of that day, UTC) or an ISO 8601 instant with its offset;
 * empty or null clears it.
 */
export const dueAtSchema = z
  .union(
    [
      z.literal("").transform(() => null),
      isoDateSchema.transform((d) => new Date(`${d}T23:59:59.999Z`)),
      z.iso.datetime({ offset: true, error: DUE }).transform((d) => new Date(d)),
    ],
    { error: DUE },
  )
  .nullable();

/** The fields of a claim's assignment, as `updateClaim` takes them. */
export const assignmentFields = {
  /** Who works on the claim (a user id); null returns it to the unassigned queue. */
  assigneeId: idSchema.nullable().optional(),
  /** Who should review its verdict (an editor's or admin's id); null: any editor. */
  reviewerId: idSchema.nullable().optional(),
  dueAt: dueAtSchema.optional(),
  priority: z
    .enum(PRIORITIES, { error: issueMessage("validation.oneOf", { options: PRIORITIES.join(", ") }) })
    .optional(),
};

export const ASSIGNMENT_KEYS = ["assigneeId", "reviewerId", "dueAt", "priority"] as const;
type AssignmentKey = (typeof ASSIGNMENT_KEYS)[number];
type Assignment = Partial<Pick<Claim, AssignmentKey>>;

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime() : a === b;

/** The assignment fields of `sent` that differ from the claim's. */
export function assignmentChanges(before: Claim, sent: Assignment): Assignment {
  return Object.fromEntries(
    Object.entries(sent).filter(([k, v]) => !same(before[k as AssignmentKey], v)),
  ) as Assignment;
}

/**
 * Checks a change of a claim's assignment: editors and admins may change all of it; anyone else may only take an
 * unassigned claim for themselves, or give back their own. The assignee must be an active account, the reviewer an
 * active account that may review, and not the assignee (the author of a verdict never reviews it). A repeat is assigned
 * through the claim it repeats.
 */
export async function checkAssignment(tx: Tx, who: ActingUser, before: Claim, changes: Assignment): Promise<void> {
  const keys = Object.keys(changes);
  if (keys.length === 0) return;
  // A repeat shares the verdict, and so the work, of the claim it repeats.
  if (before.repeatOf !== null) {
    throw new ServiceError("conflict", text("errors.claims.assignRepeat", { claim: before.repeatOf }));
  }
  if (!can(who.role, "claims:assign")) {
    const taking = changes.assigneeId === who.id && before.assigneeId === null;
    const givingBack = changes.assigneeId === null && before.assigneeId === who.id;
    if (keys.some((k) => k !== "assigneeId") || !(taking || givingBack)) {
      throw new ServiceError("forbidden", text("errors.claims.assignForbidden"));
    }
  }
  const account = async (id: number) =>
    (
      await tx
        .select({ role: users.role })
        .from(users)
        .where(and(eq(users.id, id), isNull(users.disabledAt)))
        .limit(1)
    )[0];
  if (changes.assigneeId != null && !(await account(changes.assigneeId))) {
    throw refusal("assigneeId", text("validation.activeAccount"));
  }
  if (changes.reviewerId != null) {
    const reviewer = await account(changes.reviewerId);
    if (!reviewer) throw refusal("reviewerId", text("validation.activeAccount"));
    if (!can(reviewer.role, "verdicts:review")) throw refusal("reviewerId", text("validation.reviewerRole"));
  }
  const assignee = "assigneeId" in changes ? changes.assigneeId : before.assigneeId;
  const reviewer = "reviewerId" in changes ? changes.reviewerId : before.reviewerId;
  if (assignee != null && assignee === reviewer) throw refusal("reviewerId", text("validation.reviewerNotAssignee"));
}

const refusal = (path: string, issue: Text) =>
  new ServiceError("validation_failed", text("errors.invalidInput", { summary: `${path}: ${String(issue)}` }), [
    fieldIssue(path, issue),
  ]);

/** Tells the new assignee and the new reviewer, and the webhooks of a new assignee, after the claim was changed. */
export async function announceAssignment(tx: Tx, who: ActingUser, after: Claim, changes: Assignment): Promise<void> {
  const data = { statement: after.statement, ...(after.dueAt ? { dueAt: after.dueAt.toISOString() } : {}) };
  if (changes.assigneeId != null) {
    await notify(tx, {
      kind: "assigned",
      to: [changes.assigneeId],
      claimId: after.id,
      by: who,
      data: { ...data, role: "assignee" },
    });
  }
  if (changes.reviewerId != null) {
    await notify(tx, {
      kind: "assigned",
      to: [changes.reviewerId],
      claimId: after.id,
      by: who,
      data: { ...data, role: "reviewer" },
    });
  }
  if (ASSIGNMENT_KEYS.some((k) => k in changes))
    await emitWebhookEvent(tx, "claim.assigned", { who, claimId: after.id });
}
