import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { claimants, claims, documents, users, type Priority } from "@/db/schema";

/** A claim still being worked on: no verdict on it was ever published (`closedAt`, set by the database). */
export const OPEN_CLAIM = isNull(claims.closedAt);

/** The work queue's views of claims being worked on. */
export const ASSIGNMENT_VIEWS = ["mine", "due-soon", "overdue", "unassigned", "open"] as const;
export type AssignmentView = (typeof ASSIGNMENT_VIEWS)[number];
/** How such a list is sorted: by deadline (soonest first, none last) or by priority (most urgent first). */
export const ASSIGNMENT_SORTS = ["due", "priority"] as const;
export type AssignmentSort = (typeof ASSIGNMENT_SORTS)[number];

/** How soon "due soon" is. */
export const DUE_SOON_HOURS = 24;

export type AssignedClaim = {
  id: number;
  slug: string;
  statement: string;
  claimant: string;
  documentId: number;
  documentTitle: string;
  assigneeId: number | null;
  assigneeName: string | null;
  reviewerId: number | null;
  reviewerName: string | null;
  dueAt: Date | null;
  priority: Priority;
  /** The state of its newest verdict version; null: none yet. */
  verdictState: string | null;
};

const assignee = alias(users, "assignee");
const reviewer = alias(users, "reviewer");
/** A claim's assignment with its people's names (the query joins `assignee` and `reviewer`). */
const ASSIGNMENT = {
  assigneeId: claims.assigneeId,
  assigneeName: assignee.name,
  reviewerId: claims.reviewerId,
  reviewerName: reviewer.name,
  dueAt: claims.dueAt,
  priority: claims.priority,
};
const PRIORITY_RANK = sql`case ${claims.priority} when 'urgent' then 3 when 'high' then 2 when 'normal' then 1 else 0 end`;
const NO_DEADLINE_LAST = sql`case when ${claims.dueAt} is null then 1 else 0 end`;

/** Which open claims to list: by assignee (a user id, or `none`) and by deadline (within 24 hours, or past). */
export type AssignmentFilter = { assignee?: number | "none"; due?: "soon" | "overdue" };

/** What each of the work queue's views lists, for the person looking. */
export function viewFilter(view: AssignmentView, userId: number): AssignmentFilter {
  return {
    mine: { assignee: userId },
    "due-soon": { due: "soon" as const },
    overdue: { due: "overdue" as const },
    unassigned: { assignee: "none" as const },
    open: {},
  }[view];
}

/**
 * Open claims (no verdict published or retracted; repeats left out, as they share the claim they repeat), filtered by
 * assignee and deadline, sorted by deadline or priority, the other breaking ties.
 */
export async function listAssignedClaims({
  filter = {},
  sort = "due",
  now = new Date(),
  limit = 200,
}: {
  filter?: AssignmentFilter;
  sort?: AssignmentSort;
  now?: Date;
  limit?: number;
}): Promise<AssignedClaim[]> {
  const dueOrder = [asc(NO_DEADLINE_LAST), asc(claims.dueAt)];
  const priorityOrder = [desc(PRIORITY_RANK)];
  const order = [
    ...(sort === "priority" ? [...priorityOrder, ...dueOrder] : [...dueOrder, ...priorityOrder]),
    asc(claims.id),
  ];
  return await getDb()
    .select({
      id: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      claimant: claimants.name,
      documentId: claims.documentId,
      documentTitle: documents.title,
      ...ASSIGNMENT,
      verdictState: sql<
        string | null
      >`(select v.state from verdicts v where v.claim_id = ${claims.id} order by v.seq desc limit 1)`,
    })
    .from(claims)
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .leftJoin(assignee, eq(assignee.id, claims.assigneeId))
    .leftJoin(reviewer, eq(reviewer.id, claims.reviewerId))
    // The page's claims are chosen from the claims table alone (its partial indexes), then joined: joining every open
    // claim before sorting them costs ten times as much on a large desk.
    .where(
      inArray(
        claims.id,
        getDb()
          .select({ id: claims.id })
          .from(claims)
          .where(openClaimsWhere(filter, now))
          .orderBy(...order)
          .limit(limit),
      ),
    )
    .orderBy(...order);
}

/** Open claims that are not repeats (their work is the claim they repeat), by assignee and deadline. */
function openClaimsWhere(filter: AssignmentFilter, now: Date) {
  const soon = new Date(now.getTime() + DUE_SOON_HOURS * 3600 * 1000);
  const byAssignee =
    filter.assignee === undefined
      ? undefined
      : filter.assignee === "none"
        ? isNull(claims.assigneeId)
        : eq(claims.assigneeId, filter.assignee);
  const byDue =
    filter.due === undefined
      ? undefined
      : filter.due === "soon"
        ? and(isNotNull(claims.dueAt), gt(claims.dueAt, now), lte(claims.dueAt, soon))
        : and(isNotNull(claims.dueAt), lte(claims.dueAt, now));
  return and(OPEN_CLAIM, isNull(claims.repeatOf), byAssignee, byDue);
}

/** How many open claims a filter finds (a list shows the first few, and says how many there are). */
export async function countAssignedClaims(filter: AssignmentFilter = {}, now = new Date()): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(claims).where(openClaimsWhere(filter, now));
  return Number(row?.n ?? 0);
}

/** Who works on a claim, who reviews it, by when and how urgently, as the claim page shows it. */
export type ClaimAssignment = Pick<
  AssignedClaim,
  "assigneeId" | "assigneeName" | "reviewerId" | "reviewerName" | "dueAt" | "priority"
>;

/** A claim's assignment, with the names of its assignee and reviewer (disabled accounts too); null: no such claim. */
export async function getClaimAssignment(claimId: number): Promise<ClaimAssignment | null> {
  const [row] = await getDb()
    .select(ASSIGNMENT)
    .from(claims)
    .leftJoin(assignee, eq(assignee.id, claims.assigneeId))
    .leftJoin(reviewer, eq(reviewer.id, claims.reviewerId))
    .where(eq(claims.id, claimId))
    .limit(1);
  return row ?? null;
}

/** The people a claim may be assigned to, and those who may review it: active accounts, by name. */
export async function listAssignablePeople(): Promise<{ id: number; name: string; role: string }[]> {
  return await getDb()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name));
}
