import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { parseId } from "@/db/ids";
import { claims } from "@/db/schema";

/**
 * The claim an API path names — its id (all digits; beyond any id, none) or its slug — as its id and slug; null when
 * there is no such claim.
 */
export async function findClaimRef(idOrSlug: string): Promise<{ id: number; slug: string } | null> {
  const byId = /^\d+$/.test(idOrSlug);
  const id = parseId(idOrSlug);
  if (byId && id === null) return null;
  const [row] = await getDb()
    .select({ id: claims.id, slug: claims.slug })
    .from(claims)
    .where(byId ? eq(claims.id, id!) : eq(claims.slug, idOrSlug))
    .limit(1);
  return row ?? null;
}
