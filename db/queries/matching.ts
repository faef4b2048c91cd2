import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryRow, queryRows } from "@/db/sql";

/**
 * How many rows a table of the matcher's documents holds and their latest `updatedAt` (0 when none): the matcher's
 * one small query to know whether anything changed.
 */
export async function changeStamp(table: "claims" | "fact_checks"): Promise<{ count: number; updatedAt: number }> {
  const row = await queryRow<{ n: number | string; at: number | string | null }>(
    getDb(),
    sql`select count(*) as n, max(updated_at) as at from ${sql.identifier(table)}`,
  );
  return { count: Number(row?.n ?? 0), updatedAt: Number(row?.at ?? 0) };
}

export type ClaimText = { id: number; statement: string; quote: string; repeatOf: number | null };

/** The desk's claims (their working copy) changed at or after an instant (all of them from 0), for the matcher. */
export async function claimsChangedSince(since: number): Promise<ClaimText[]> {
  return queryRows<ClaimText>(getDb(), sql`select id, statement, quote, repeat_of as "repeatOf" from claims where updated_at >= ${since}`);
}

export type ClaimMatchInfo = {
  id: number;
  statement: string;
  slug: string;
  documentTitle: string;
  claimantId: number;
  claimantName: string;
  /** The published verdict's rating label, and when it was published; null while none is published. */
  rating: string | null;
  publishedAt: number | null;
};

/** What a match shows of the desk's claims: statement, document, and the published verdict if there is one. */
export async function claimMatchInfo(ids: number[]): Promise<Map<number, ClaimMatchInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<ClaimMatchInfo>(
    getDb(),
    sql`select c.id as id, c.statement as statement, c.slug as slug, d.title as "documentTitle",
      k.id as "claimantId", k.name as "claimantName", r.label as rating, v.published_at as "publishedAt"
    from claims c join documents d on d.id = c.document_id join claimants k on k.id = c.claimant_id
    left join verdicts v on v.claim_id = c.id and v.state = 'published'
    left join rating_versions r on r.id = v.rating_version_id
    where c.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [Number(r.id), r]));
}

/**
 * The matches the desk said are not the same claim as this one, as matcher keys (`c<id>`, `f<id>`): its own rejections,
 * and the claims that rejected it.
 */
export async function rejectedFor(claimId: number): Promise<string[]> {
  const rows = await queryRows<{ kind: string; id: number }>(
    getDb(),
    sql`select kind, candidate_id as id from match_rejections where claim_id = ${claimId}
      union select 'claim', claim_id from match_rejections where kind = 'claim' and candidate_id = ${claimId}`,
  );
  return rows.map((r) => `${r.kind === "claim" ? "c" : "f"}${Number(r.id)}`);
}
