import { sql, type SQL } from "drizzle-orm";
import type { DB } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { execute } from "@/db/sql";
import { PUBLISHED, PUBLISHED_CLAIMANT, PUBLISHED_DOCUMENT } from "@/db/queries/public/published";

/** The markers put around matched words in a snippet; rendered as <mark> after escaping. */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

/**
 * Full-text search over published claims, in the SQL of this process's engine: SQLite's FTS5 (bm25, snippet) or
 * PostgreSQL's text search (a weighted tsvector with a GIN index, ts_rank, ts_headline). Both index the same six
 * texts of a claim with a published verdict — statement, quote, claimant, summary, rationale, document title — and
 * match every word typed, ignoring case and accents: as a prefix, or whole when it is short (`searchTerms`). The
 * queries of `db/queries/public/search-claims.ts` are written once around these pieces.
 */
export type FullText = {
  /** What a reader typed, as this engine's query of `searchTerms`, all required; null when there are no words. */
  toQuery(q: string): string | null;
  /** The ids of the matching claims (a subquery of one column). */
  matchingIds(query: string): SQL;
  /** The best-ranked page of matches alone: rows `id`, `score` (smaller is better) and `snippet`, best first. */
  bestPage(query: string, limit: number, offset: number): SQL;
  /** Joins the index to claims `c` for a filtered search, with its condition, rank (smaller is better) and snippet. */
  join: SQL;
  matches(query: string): SQL;
  rank(query: string): SQL;
  snippet(query: string): SQL;
  /** Replaces the index rows of these claims (inside the caller's transaction). */
  reindex(tx: DB, ids: number[]): Promise<void>;
  /** Rebuilds the whole index. */
  rebuild(db: DB): Promise<void>;
};

/** The most words of a search that are used (the rest are ignored): each is one more term the index intersects. */
export const MAX_SEARCH_WORDS = 12;
/** The fewest letters (or digits) a word of an alphabetic script needs to be matched as a prefix. */
export const MIN_PREFIX_LETTERS = 3;

/**
 * The words a reader typed: letters and digits, with their combining marks (punctuation and operators are never query
 * syntax); each distinct word once (ignoring case), at most `MAX_SEARCH_WORDS` of them.
 */
export function searchWords(q: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of q.normalize("NFC").match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? []) {
    const key = word.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    words.push(word);
    if (words.length === MAX_SEARCH_WORDS) break;
  }
  return words;
}

/** One required word of a search, matched as a prefix of the indexed words ("civil" finds "civilians") or whole. */
export type SearchTerm = { word: string; prefix: boolean };

/** Hangul syllables a Korean word needs to be matched as a prefix. */
export const MIN_PREFIX_SYLLABLES = 2;

// Scripts written without spaces between words, in which one character is a word or a syllable.
const SYLLABIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// Korean is written with spaces, in syllable blocks, a particle attached to its word ("병원에서"): two syllables are
// as narrow a prefix as three letters.
const HANGUL = /\p{Script=Hangul}/u;

/**
 * What a reader typed, as the terms of a search: every word is required, and a word is matched as a prefix of the
 * indexed words, so that "civil" finds "civilians" — but not a word of only one or two letters or digits
 * (`MIN_PREFIX_LETTERS`), which is matched whole: "a" finds the word "a", "US" the word "us", "9" the number 9.
 *
 * Why: a prefix reads the posting list of every indexed word that begins with it (FTS5 merges their doclists, a GIN
 * index its entries). A one-letter prefix stands for a large share of the vocabulary ("a" for every word beginning
 * with an a), and a search of twelve of them ("a b c d e f g h i j k l") for nearly all of the index, read for one
 * request; a two-letter prefix still for thousands of words on a large desk. A whole word reads one posting list, as
 * any word does, so such a search costs no more than an ordinary one of as many words. Short words are not dropped:
 * they can be what the reader is looking for ("plan B", "vitamin D", "G7", "EU").
 *
 * Other scripts: a word with a Han, Hiragana or Katakana character is a prefix from its first character. In these
 * scripts one character is a word (or a syllable), and both engines index a run of them written without spaces as one
 * word, which only a prefix finds; a single character narrows the vocabulary as much as a few letters do. A Korean
 * word is a prefix from two syllables (a noun with its particle is one indexed word).
 * Words of other scripts count their letters as Latin words do. Combining marks (Devanagari's vowel signs, for
 * instance) belong to the word and are not counted: PostgreSQL indexes such a word whole, and FTS5, which splits it at
 * its marks, reads the quoted word as the phrase of its pieces — both find it.
 *
 * The query has at most `MAX_SEARCH_WORDS` terms (repeated words count once), each a whole word or a prefix of at
 * least three letters or one such character.
 */
export function searchTerms(q: string): SearchTerm[] {
  return searchWords(q).map((word) => ({
    word,
    prefix:
      SYLLABIC.test(word) ||
      [...word.replace(/\p{M}/gu, "")].length >= (HANGUL.test(word) ? MIN_PREFIX_SYLLABLES : MIN_PREFIX_LETTERS),
  }));
}

// The texts indexed for a claim, with the snippet markers removed, so that a snippet's marks always pair up.
// They are the texts as published (`db/queries/public/published.ts`), never the desk's working copy.
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
  // Statement weighted most, then the quote, the claimant, the summary… (the index's column order).
  const bm25 = sql`bm25(claim_search, 10.0, 5.0, 3.0, 4.0, 1.0, 1.0)`;
  const snippet = sql`snippet(claim_search, -1, ${MATCH_START}, ${MATCH_END}, '…', 16)`;
  return {
    toQuery: (q) => {
      const terms = searchTerms(q);
      return terms.length ? terms.map((t) => `"${t.word}"${t.prefix ? "*" : ""}`).join(" ") : null;
    },
    matchingIds: (query) => sql`select rowid from claim_search where claim_search match ${query}`,
    bestPage: (query, limit, offset) => sql`
      select rowid as id, ${bm25} as score, ${snippet} as snippet
      from claim_search where claim_search match ${query} order by score, rowid desc limit ${limit} offset ${offset}`,
    join: sql`join claim_search on claim_search.rowid = c.id`,
    matches: (query) => sql`claim_search match ${query}`,
    rank: () => bm25,
    snippet: () => snippet,
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
  const tsquery = (query: string) => sql`to_tsquery('claimdesk_search', ${query})`;
  const rank = (query: string) => sql`-ts_rank(claim_search.document, ${tsquery(query)})`;
  // The best fragment of the claim's texts, as FTS5's snippet() picks the best column.
  const snippet = (query: string) => sql`ts_headline('claimdesk_search',
    concat_ws(' … ', claim_search.statement, claim_search.quote, claim_search.claimant, claim_search.summary,
      claim_search.rationale, claim_search.document_title),
    ${tsquery(query)}, ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=1, MaxWords=16, MinWords=6, FragmentDelimiter=" … "`})`;
  return {
    toQuery: (q) => {
      const terms = searchTerms(q);
      return terms.length ? terms.map((t) => `${t.word}${t.prefix ? ":*" : ""}`).join(" & ") : null;
    },
    matchingIds: (query) => sql`select claim_id from claim_search where document @@ ${tsquery(query)}`,
    // Ranked and paged in the index alone; the snippets only for the page.
    bestPage: (query, limit, offset) => sql`
      select t.id as id, t.score as score, ${snippet(query)} as snippet
      from (select claim_id as id, ${rank(query)} as score from claim_search
            where document @@ ${tsquery(query)} order by score, claim_id desc limit ${limit} offset ${offset}) t
      join claim_search on claim_search.claim_id = t.id
      order by t.score, t.id desc`,
    join: sql`join claim_search on claim_search.claim_id = c.id`,
    matches: (query) => sql`claim_search.document @@ ${tsquery(query)}`,
    rank,
    snippet,
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

/** This process's engine's full-text search. */
export const fullText: FullText = ENGINE === "postgres" ? postgres() : sqlite();
