import { eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { claims, type Claim } from "@/db/schema";
import { ServiceError } from "@/lib/services/errors";
import { text } from "@/lib/i18n/text";

/** A claim by id, or 404. */
export async function getClaimOrThrow(db: DB | Tx, claimId: number): Promise<Claim> {
  const [claim] = await db.select().from(claims).where(eq(claims.id, claimId)).limit(1);
  if (!claim) throw new ServiceError("not_found", text("errors.claims.notFound", { id: claimId }));
  return claim;
}
