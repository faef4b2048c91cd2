import { eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { claims, type Claim } from "@/db/schema";
import { ServiceError } from "@/lib/services/errors";

/** A claim by id, or 404. */
export function getClaimOrThrow(db: DB | Tx, claimId: number): Claim {
  const claim = db.select().from(claims).where(eq(claims.id, claimId)).get();
  if (!claim) throw new ServiceError("not_found", `No claim with id ${claimId}.`);
  return claim;
}
