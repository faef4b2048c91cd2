import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { verdicts } from "@/db/schema";
import type { ActingUser } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { ServiceError } from "@/lib/services/errors";

/**
 * A claim whose verdict is published (or was, and is now retracted) is on the public record: only an editor may change
 * what readers see of it (its quote, statement, claimant or date). Refuses others with 403.
 */
export async function assertMayChangePublishedClaim(
  tx: Tx,
  who: ActingUser,
  claimId: number,
  what: string,
): Promise<void> {
  const [isPublic] = await tx
    .select({ id: verdicts.id })
    .from(verdicts)
    .where(and(eq(verdicts.claimId, claimId), inArray(verdicts.state, ["published", "retracted"])))
    .limit(1);
  if (isPublic && !can(who.role, "verdicts:review")) {
    throw new ServiceError("forbidden", `This claim's verdict is published: only an editor may ${what}.`);
  }
}
