import { sql, type SQL } from "drizzle-orm";
import type { DB } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { execute } from "@/db/sql";
import { PUBLISHED, PUBLISHED_CLAIMANT, PUBLISHED_DOCUMENT } from "@/db/queries/public/published";

/**
 * The database's full-text index of published claims: SQLite's FTS5 table or PostgreSQL's weighted tsvector
 * (`claim_search`), kept for the same six texts of a claim with a published verdict — statement, quote, claimant,
 * summary, rationale, document title — inside the transactions that publish them. The public search no longer reads it
 * (it searches with the claim matcher's terms and BM25, lib/search/public-search-index.ts); it is kept up to date so
 * that the table stays what its migrations say it is until a migration drops it.
 */
export type FullText = {
  /** Replaces the index rows of these claims (inside the caller's transaction). */
  reindex(tx: DB, ids: number[]): Promise<void>;
  /** Rebuilds the whole index. */
  rebuild(db: DB): Promise<void>;
};

// The texts indexed for a claim, without the characters that mark matches in snippets. They are the texts as
// published (`db/queries/public/published.ts`), never the desk's working copy.
const TEXTS = ["pc.statement", "pc.quote", "cl.name", "v.summary", "v.rationale", "d.title"] as const;
const PUBLISHED_CLAIMS = sql`from claims c ${PUBLISHED} ${PUBLISHED_CLAIMANT} ${PUBLISHED_DOCUMENT}`;
const idList = (ids: number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
const CHUNK = 500;

async function reindexInChunks(tx: DB, ids: number[], replace: (ids: SQL) => SQL[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK) {
    for (const statement of replace(idList(ids.slice(i, i + CHUNK)))) await execute(tx, statement);
  }
}

const sqlite = (): FullText => {
  const clean = (column: string) => `replace(replace(${column}, char(2), ''), char(3), '')`;
  const insert = (where: SQL) => sql`
    insert into claim_search (rowid, statement, quote, claimant, summary, rationale, document_title)
    select c.id, ${sql.raw(TEXTS.map(clean).join(", "))} ${PUBLISHED_CLAIMS} where ${where}`;
  return {
    reindex: (tx, ids) =>
      reindexInChunks(tx, ids, (list) => [
        sql`delete from claim_search where rowid in (${list})`,
        insert(sql`c.id in (${list})`),
      ]),
    rebuild: async (db) => {
      await execute(db, sql`delete from claim_search`);
      await execute(db, insert(sql`1 = 1`));
    },
  };
};

const postgres = (): FullText => {
  const clean = (column: string) => `replace(replace(${column}, chr(2), ''), chr(3), '')`;
  // Punctuation that PostgreSQL's parser would keep inside one token (a host, a URL, a decimal, a hyphenated word)
  // separates words, as in FTS5: "reuters" finds "reuters.com".
  const words = (text: string) => `regexp_replace(${text}, '[-./:@_+#~=?&%]+', ' ', 'g')`;
  // A: the statement, B: the quote, C: the claimant and the summary, D: the rationale and the document's title.
  const vector = `setweight(to_tsvector('claimdesk_search', ${words("pc.statement")}), 'A')
    || setweight(to_tsvector('claimdesk_search', ${words("pc.quote")}), 'B')
    || setweight(to_tsvector('claimdesk_search', ${words("cl.name || ' ' || v.summary")}), 'C')
    || setweight(to_tsvector('claimdesk_search', ${words("v.rationale || ' ' || d.title")}), 'D')`;
  const insert = (where: SQL) => sql`
    insert into claim_search (claim_id, statement, quote, claimant, summary, rationale, document_title, document)
    select c.id, ${sql.raw(TEXTS.map(clean).join(", "))}, ${sql.raw(vector)} ${PUBLISHED_CLAIMS} where ${where}`;
  return {
    reindex: (tx, ids) =>
      reindexInChunks(tx, ids, (list) => [
        sql`delete from claim_search where claim_id in (${list})`,
        insert(sql`c.id in (${list})`),
      ]),
    rebuild: async (db) => {
      await execute(db, sql`delete from claim_search`);
      await execute(db, insert(sql`true`));
    },
  };
};

/** This process's engine's full-text index. */
export const fullText: FullText = ENGINE === "postgres" ? postgres() : sqlite();
