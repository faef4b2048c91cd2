import { eq, sql, type SQL } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { claims } from "@/db/schema";
import { execute } from "@/db/sql";

/** The snippet markers (U+0002, U+0003) never enter the index, so a snippet's marks always pair up. */
const clean = (column: SQL) => sql`replace(replace(${column}, char(2), ''), char(3), '')`;

const INSERT = (where: SQL) => sql`
  insert into claim_search (rowid, statement, quote, claimant, summary, rationale, document_title)
  select c.id, ${clean(sql`c.statement`)}, ${clean(sql`c.quote`)}, ${clean(sql`cl.name`)}, ${clean(sql`v.summary`)}, ${clean(sql`v.rationale`)}, ${clean(sql`d.title`)}
  from claims c
  join verdicts v on v.claim_id = c.id and v.state = 'published'
  join claimants cl on cl.id = c.claimant_id
  join documents d on d.id = c.document_id
  where ${where}`;

const CHUNK = 500;

/**
 * Brings the full-text index up to date for these claims, inside the caller's transaction:
 * a claim is in `claim_search` exactly while it has a published verdict. Call it after any
 * write that changes what the index holds (publication, correction, retraction, a claim's
 * statement or quote, its claimant's name, its document's title, deletion).
 */
export async function reindexClaims(tx: DB | Tx, claimIds: number[]): Promise<void> {
  for (let i = 0; i < claimIds.length; i += CHUNK) {
    const ids = sql.join(
      claimIds.slice(i, i + CHUNK).map((id) => sql`${id}`),
      sql`, `,
    );
    await execute(tx, sql`delete from claim_search where rowid in (${ids})`);
    await execute(tx, INSERT(sql`c.id in (${ids})`));
  }
}

/** The ids of the claims of a claimant or a document, to reindex after a rename. */
export async function claimIdsWhere(
  tx: DB | Tx,
  where: { claimantId: number } | { documentId: number },
): Promise<number[]> {
  const condition =
    "claimantId" in where ? eq(claims.claimantId, where.claimantId) : eq(claims.documentId, where.documentId);
  const rows = await tx.select({ id: claims.id }).from(claims).where(condition);
  return rows.map((r) => r.id);
}

/** Rebuilds the whole index (after loading data in bulk). */
export async function rebuildSearchIndex(db: DB | Tx): Promise<void> {
  await execute(db, sql`delete from claim_search`);
  await execute(db, INSERT(sql`1 = 1`));
}
