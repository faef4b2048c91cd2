import { getDatabase, type Database } from "@/db/client";
import {
  claimsInvalidatedSince,
  publishedRecordStamp,
  readSearchTexts,
  readSearchTextsOf,
  SEARCH_FIELDS,
  type SearchText,
} from "@/db/queries/public/search-texts";
import { Bm25Index, type Field } from "@/lib/matching/bm25-index";
import { matchTerms } from "@/lib/matching/terms";

/**
 * The public search's index, in each server's memory: every published claim's texts as published (statement, quote,
 * claimant, summary, rationale, document title), as the claim matcher's terms in its BM25 index, with what the
 * search's filters and orders read (claimant, rating, verdict, publication time). Nothing unpublished is ever read
 * into it: the texts come from the published record only.
 *
 * Several servers share one database, so before every search the index asks it one small question — when the
 * published record last changed (`publishedRecordStamp`: the invalidation times that every publication, correction,
 * retraction or published change of a claimant, document or dispute marks, in its transaction and again once
 * committed) — and when that moved, reads again only the claims whose pages were invalidated since it last looked. A
 * change of the rating scale re-reads no claim (a verdict keeps the rating it was published with; filters read the
 * scale's keys at each search) but still counts as a change: what was found before is not kept.
 */

/** The fields' weights: the statement most, then the quote, the summary… */
const WEIGHTS: Record<(typeof SEARCH_FIELDS)[number], number> = {
  statement: 10,
  quote: 5,
  claimant: 3,
  summary: 4,
  rationale: 1,
  documentTitle: 1,
};
/** Claims read at a time when the whole index is built. */
const BATCH = 5_000;
/**
 * How far before its last look the index reads invalidations again: a write marks its claims inside its transaction
 * (then once more after its commit), so a mark made a moment before a look can belong to a write committed after it.
 */
const OVERLAP_MS = 60_000;

/** What a search filters and orders a claim by. */
export type SearchDoc = Pick<SearchText, "claimantId" | "ratingId" | "verdictId" | "publishedAt">;

type Stamp = { claims: number; everything: number };
type Library = {
  /** Changes whenever what the index holds may have changed: what was found before may be kept until then. */
  version: number;
  database: Database;
  index: Bm25Index<number>;
  /** By claim id (an array: a search may look up every claim it finds). */
  docs: (SearchDoc | undefined)[];
  stamp: Stamp;
  /** The database's clock when the stamp was read (before the texts were). */
  lookedAt: number;
};

// On globalThis, as the process's database is: a development server's reloads keep one index.
const holder = globalThis as unknown as { __claimdeskPublicSearch?: Promise<Library> };

let versions = 0;

/** The published claims' index, brought up to date with the database first (one small query when nothing changed). */
export async function publicSearchIndex(): Promise<Pick<Library, "version" | "index" | "docs">> {
  const database = getDatabase();
  const { now, ...stamp } = await stampOf(database);
  const pending = holder.__claimdeskPublicSearch;
  const current = pending ? await pending.catch(() => undefined) : undefined;
  if (current && current.database === database && sameStamp(current.stamp, stamp)) return current;
  // Another request may have started the same refresh meanwhile: share it.
  if (holder.__claimdeskPublicSearch !== pending) return publicSearchIndex();
  // What marks every public page (the rating scale, a bulk load such as the demo) names no claims: read them all again.
  const incremental = current?.database === database && current.stamp.everything === stamp.everything;
  const fresh = incremental ? refresh(current, stamp, now) : build(database, stamp, now);
  holder.__claimdeskPublicSearch = fresh;
  // A failed read changes nothing: the next search starts from what was there (or from nothing).
  fresh.catch(() => {
    if (holder.__claimdeskPublicSearch !== fresh) return;
    if (incremental) holder.__claimdeskPublicSearch = Promise.resolve(current);
    else delete holder.__claimdeskPublicSearch;
  });
  return fresh;
}

const sameStamp = (a: Stamp, b: Stamp) => a.claims === b.claims && a.everything === b.everything;

let lastStamp: { database: Database; dataVersion: string; stamp: Stamp & { now: number } } | undefined;

/**
 * The published record's stamp. On SQLite, the file's data version (a counter in memory, no query) says first whether
 * anything was committed since the stamp was last read; on PostgreSQL that would be one more round trip than the
 * stamp's own.
 */
async function stampOf(database: Database): Promise<Stamp & { now: number }> {
  if (database.engine !== "sqlite") return publishedRecordStamp();
  const dataVersion = await database.dataVersion();
  if (lastStamp?.database === database && lastStamp.dataVersion === dataVersion) return lastStamp.stamp;
  const stamp = await publishedRecordStamp();
  lastStamp = { database, dataVersion, stamp };
  return stamp;
}

/** Puts a claim's texts in, as the matcher's terms per field. */
function put(lib: Pick<Library, "index" | "docs">, text: SearchText): void {
  const fields: Field[] = SEARCH_FIELDS.map((name) => ({ terms: matchTerms(text[name]), weight: WEIGHTS[name] }));
  lib.index.set(text.id, fields);
  lib.docs[text.id] = {
    claimantId: Number(text.claimantId),
    ratingId: text.ratingId === null ? null : Number(text.ratingId),
    verdictId: Number(text.verdictId),
    publishedAt: text.publishedAt,
  };
}

/** Reads every published claim into a new index. */
async function build(database: Database, stamp: Stamp, lookedAt: number): Promise<Library> {
  const lib: Library = { version: ++versions, database, index: new Bm25Index(), docs: [], stamp, lookedAt };
  for (let after = 0; ;) {
    const batch = await readSearchTexts(after, BATCH);
    for (const text of batch) put(lib, text);
    if (batch.length < BATCH) return lib;
    after = batch.at(-1)!.id;
  }
}

/**
 * Reads again the claims invalidated since the last look (and a little before): each is put in again as published
 * now, or taken out when it is not published any more. Changes the library in place, once everything is read.
 */
async function refresh(lib: Library, stamp: Stamp, lookedAt: number): Promise<Library> {
  const ids = await claimsInvalidatedSince(lib.lookedAt - OVERLAP_MS);
  const texts = await readSearchTextsOf(ids);
  const published = new Set(texts.map((t) => t.id));
  for (const id of ids) {
    if (published.has(id)) continue;
    lib.index.delete(id);
    lib.docs[id] = undefined;
  }
  for (const text of texts) put(lib, text);
  Object.assign(lib, { stamp, lookedAt, version: ++versions });
  return lib;
}
