import { asc, count, desc, eq, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { containsIgnoringCase } from "@/db/sql";
import { claimants, claims, documents, type Claimant } from "@/db/schema";
import { getVerdictStatuses, type VerdictStatus } from "./claim-status";

export type ClaimantListItem = Pick<Claimant, "id" | "slug" | "name" | "description" | "sameAs"> & { claims: number };

/** Claimants by name, with how many claims each made; `q` filters by name or affiliation. */
export async function listClaimants(q = "", limit = 200): Promise<ClaimantListItem[]> {
  return await getDb()
    .select({
      id: claimants.id,
      slug: claimants.slug,
      name: claimants.name,
      description: claimants.description,
      sameAs: claimants.sameAs,
      claims: count(claims.id),
    })
    .from(claimants)
    .leftJoin(claims, eq(claims.claimantId, claimants.id))
    .where(
      q.trim()
        ? or(containsIgnoringCase(claimants.name, q.trim()), containsIgnoringCase(claimants.description, q.trim()))
        : undefined,
    )
    .groupBy(claimants.id)
    .orderBy(asc(claimants.name))
    .limit(limit);
}

export type ClaimantClaim = {
  id: number;
  statement: string;
  quote: string;
  documentId: number;
  documentTitle: string;
  verdict: VerdictStatus | null;
};

/** One claimant and their claims, newest first; null if there is no such claimant. */
export async function getClaimantWithClaims(
  claimantId: number,
): Promise<{ claimant: Claimant; claims: ClaimantClaim[] } | null> {
  const db = getDb();
  const [claimant] = await db.select().from(claimants).where(eq(claimants.id, claimantId)).limit(1);
  if (!claimant) return null;
  const rows = await db
    .select({
      id: claims.id,
      statement: claims.statement,
      quote: claims.quote,
      documentId: documents.id,
      documentTitle: documents.title,
    })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(eq(claims.claimantId, claimantId))
    .orderBy(desc(claims.createdAt));
  const statuses = await getVerdictStatuses(rows.map((r) => r.id));
  return { claimant, claims: rows.map((r) => ({ ...r, verdict: statuses.get(r.id) ?? null })) };
}
