import { LRUCache } from "lru-cache";
import {
  listPublishedClaims,
  PAGE_SIZE,
  pageOf,
  type PublicClaimFilters,
  type PublicClaimPage,
} from "@/db/queries/public/search-claims";
import { readSearchHits, resolveSearchFilters } from "@/db/queries/public/search-texts";
import type { Hit } from "@/lib/matching/bm25-index";
import { matchTerms } from "@/lib/matching/terms";
import { topK } from "@/lib/matching/top-k";
import { publicSearchIndex, type SearchDoc } from "./public-search-index";
import { snippetOf } from "./snippet";

/** The most terms of a search that are used (the rest are ignored): each is one more posting list read. */
export const MAX_SEARCH_TERMS = 12;

/**
 * What a reader typed, as the terms it is searched by: the claim matcher's (lib/matching/terms.ts) — words of any
 * script, case and accents folded, English words stemmed, stop words and links left out — each once, at most
 * `MAX_SEARCH_TERMS`. Null when the text has no letter or digit at all (punctuation only): a list without words.
 * Empty when it has only stop words or links: nothing is found by them.
 */
export function searchTermsOf(q: string): string[] | null {
  if (!/[\p{L}\p{N}]/u.test(q)) return null;
  return [...new Set(matchTerms(q))].slice(0, MAX_SEARCH_TERMS);
}

/**
 * Published claims matching a search and filters, one page of them, with the total — the `/claims` page and
 * `GET /api/v1/claims` alike. With words, the public search index finds every claim holding all of the words' terms,
 * filtered, ranked by BM25 (the claim matcher's core) or by date, and shows the page's claims as published now with a
 * snippet of their matched words; without words, the database lists them by date.
 */
export async function searchPublishedClaims(f: PublicClaimFilters): Promise<PublicClaimPage> {
  const terms = f.q ? searchTermsOf(f.q) : null;
  if (terms === null) return listPublishedClaims(f);
  const lib = await publicSearchIndex();
  return remembered(lib.version, JSON.stringify([terms, { ...f, q: undefined }]), () => searchIndex(lib, f, terms));
}

/**
 * Searches already answered, until the index changes (a publication anywhere): the same search, asked again and
 * again between publications — the API's readers, the first page of a popular word — costs one small query. Kept as
 * promises, so that readers of one search at once share it; a failed search is not kept.
 */
const found = new LRUCache<string, Promise<PublicClaimPage>>({ max: 1000 });
let foundFor = -1;

function remembered(version: number, key: string, search: () => Promise<PublicClaimPage>): Promise<PublicClaimPage> {
  if (version !== foundFor) {
    found.clear();
    foundFor = version;
  }
  let result = found.get(key);
  if (!result) {
    result = search();
    found.set(key, result);
    result.catch(() => found.get(key) === result && found.delete(key));
  }
  return result;
}

async function searchIndex(
  { index, docs }: Awaited<ReturnType<typeof publicSearchIndex>>,
  f: PublicClaimFilters,
  terms: string[],
): Promise<PublicClaimPage> {
  const accept = await filterOf(f);
  const hits = terms.length === 0 ? [] : index.searchAll(terms, accept && ((id) => accept(id, docs[id]!)));
  const { page, pages, offset } = pageOf(hits.length, f.page);
  const shown = topK(hits, offset + PAGE_SIZE, worseBy(f.sort ?? "relevance", docs)).slice(offset);
  const rows = await readSearchHits(shown.map((h) => h.key));
  const wanted = new Set(terms);
  const items = shown.flatMap((h) => {
    const row = rows.get(h.key);
    if (!row) return []; // no longer published since the index was read
    const { texts, ...hit } = row;
    return [{ ...hit, snippet: snippetOf(texts, wanted) }];
  });
  return { items, total: hits.length, page, pages };
}

/**
 * The filters as a test of a claim in the index, their slugs and keys read as the database has them now; none without
 * filters.
 */
async function filterOf(f: PublicClaimFilters): Promise<((id: number, doc: SearchDoc) => boolean) | undefined> {
  if (!f.rating && !f.claimant && !f.dispute && !f.from && !f.to) return undefined;
  const { ratingId, claimantId, disputeClaims } = await resolveSearchFilters(f);
  const from = f.from ? Date.parse(f.from) : -Infinity;
  const to = f.to ? Date.parse(f.to) + 86_400_000 : Infinity;
  // A rating or claimant that is not there matches nothing (as in the list's SQL), not the claims without one.
  return (id, doc) =>
    (ratingId === undefined || (ratingId !== null && doc.ratingId === ratingId)) &&
    (claimantId === undefined || (claimantId !== null && doc.claimantId === claimantId)) &&
    (disputeClaims === undefined || disputeClaims.has(id)) &&
    doc.publishedAt >= from &&
    doc.publishedAt < to;
}

/** The order of a search's results, as the list's: best match (then newest), newest or oldest first. */
function worseBy(sort: NonNullable<PublicClaimFilters["sort"]>, docs: readonly (SearchDoc | undefined)[]) {
  const newer = (a: SearchDoc, b: SearchDoc) =>
    a.publishedAt > b.publishedAt || (a.publishedAt === b.publishedAt && a.verdictId > b.verdictId);
  return (a: Hit<number>, b: Hit<number>): boolean => {
    if (sort === "relevance" && a.score !== b.score) return a.score < b.score;
    const [x, y] = [docs[a.key]!, docs[b.key]!];
    return sort === "oldest" ? newer(x, y) : newer(y, x);
  };
}
