import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { claims, users, type Priority } from "@/db/schema";

/** Who works on a claim, who reviews it, by when and how urgently, as the claim page shows it. */
export type ClaimAssignment = {
  assigneeId: number | null;
  assigneeName: string | null;
  reviewerId: number | null;
  reviewerName: string | null;
  dueAt: Date | null;
  priority: Priority;
};

const assignee = alias(users, "assignee");
const reviewer = alias(users, "reviewer");

/** A claim's assignment, with the names of its assignee and reviewer (disabled accounts too); null: no such claim. */
export async function getClaimAssignment(claimId: number): Promise<ClaimAssignment | null> {
  const [row] = await getDb()
    .select({
      assigneeId: claims.assigneeId,
      assigneeName: assignee.name,
      reviewerId: claims.reviewerId,
      reviewerName: reviewer.name,
      dueAt: claims.dueAt,
      priority: claims.priority,
    })
    .from(claims)
    .leftJoin(assignee, eq(assignee.id, claims.assigneeId))
    .leftJoin(reviewer, eq(reviewer.id, claims.reviewerId))
    .where(eq(claims.id, claimId))
    .limit(1);
  return row ?? null;
}
