import { inArray, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { claims } from "@/db/schema";

/**
 * Brings the full-text index up to date for these claims, inside the caller's transaction:
 * a claim is in `claim_search` exactly while it has a published verdict. Call it after any
 * write that changes what the index holds (publication, correction, retraction, a claim's
 * statement or quote, its claimant's name, its document's title, deletion).
 */
export function reindexClaims(tx: DB | Tx, claimIds: number[]): void {
  if (claimIds.length === 0) return;
  const ids = sql.join(claimIds.map((id) => sql`${id}`), sql`, `);
  tx.run(sql`delete from claim_search where rowid in (${ids})`);
  tx.run(sql`
    insert into claim_search (rowid, statement, quote, claimant, summary, rationale, document_title)
    select c.id, c.statement, c.quote, cl.name, v.summary, v.rationale, d.title
    from claims c
    join verdicts v on v.claim_id = c.id and v.state = 'published'
    join claimants cl on cl.id = c.claimant_id
    join documents d on d.id = c.document_id
    where c.id in (${ids})`);
}

/** The ids of the claims of a claimant or a document, to reindex after a rename. */
export function claimIdsWhere(tx: DB | Tx, where: { claimantId: number } | { documentId: number }): number[] {
  const condition = "claimantId" in where ? inArray(claims.claimantId, [where.claimantId]) : inArray(claims.documentId, [where.documentId]);
  return tx.select({ id: claims.id }).from(claims).where(condition).all().map((r) => r.id);
}

/** Rebuilds the whole index (after loading data in bulk). */
export function rebuildSearchIndex(db: DB | Tx): void {
  db.run(sql`delete from claim_search`);
  reindexClaims(db, db.select({ id: claims.id }).from(claims).all().map((r) => r.id));
}
