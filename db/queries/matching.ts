import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryRow, queryRows } from "@/db/sql";

/** A table's latest `updatedAt` (ms; 0 when empty) and how many rows carry it. */
export type ChangeStamp = { at: number; rows: number };

const stampOf = (table: "claims" | "fact_checks") =>
  sql`select updated_at as at, count(*) as n from ${sql.identifier(table)}
    where updated_at = (select max(updated_at) from ${sql.identifier(table)}) group by updated_at`;

/**
 * The latest `updatedAt` of the known fact-checks and of the desk's claims, and how many rows carry it (two writes in
 * one millisecond move the count), each read from its index: the matcher's small query to know whether anything
 * changed. Every write to either table stamps `updated_at`.
 *
 * On SQLite writes take turns, so a later commit never carries an earlier stamp. On PostgreSQL (whose stamp is the
 * transaction's start) one that commits after a later-stamped write was seen is read with the next change: the matcher
 * re-reads a few minutes before its last stamp.
 */
export async function changeStamps(): Promise<{ factChecks: ChangeStamp; claims: ChangeStamp }> {
  const read = async (table: "claims" | "fact_checks"): Promise<ChangeStamp> => {
    const row = await queryRow<{ at: number | string; n: number | string }>(getDb(), stampOf(table));
    return { at: Number(row?.at ?? 0), rows: Number(row?.n ?? 0) };
  };
  return { factChecks: await read("fact_checks"), claims: await read("claims") };
}

export type ClaimText = { id: number; statement: string; quote: string; repeatOf: number | null };

/** The desk's claims (their working copy) changed at or after an instant (all of them from 0), for the matcher. */
export async function claimsChangedSince(since: number): Promise<ClaimText[]> {
  return queryRows<ClaimText>(
    getDb(),
    sql`select id, statement, quote, repeat_of as "repeatOf" from claims where updated_at >= ${since}`,
  );
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
