import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryRow, queryRows } from "@/db/sql";
import { untilDataChanges } from "@/db/queries/read-cache";
import {
  PUBLISHED,
  PUBLISHED_ACCOUNTS,
  PUBLISHED_CLAIMANT,
  PUBLISHED_LANGUAGES,
  type PublishedLanguages,
} from "./published";
import { instantOf, RATING_COLUMNS, withRating, type RatingColumns, type RatingView } from "@/db/queries/shapes";

/** The markers put around matched words in a snippet; rendered as <mark> after escaping. */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

export type PublicClaimFilters = {
  q?: string;
  rating?: string;
  claimant?: string;
  dispute?: string;
  /** Verdicts published on or after / before these days (YYYY-MM-DD). */
  from?: string;
  to?: string;
  sort?: "relevance" | "newest" | "oldest";
  page?: number;
};

export type PublicClaimHit = {
  slug: string;
  statement: string;
  claimantName: string;
  claimantSlug: string;
  rating: RatingView | null;
  summary: string;
  publishedAt: Date;
  /** The matched words in context, with MATCH_START/MATCH_END around each match (only for a search). */
  snippet: string | null;
} & PublishedLanguages;

export const PAGE_SIZE = 20;

export type PublicClaimPage = { items: PublicClaimHit[]; total: number; page: number; pages: number };

/** The page to show of `total` results: the one asked for, within the pages there are. */
export function pageOf(total: number, asked: number | undefined): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, asked ?? 1), pages);
  return { page, pages, offset: (page - 1) * PAGE_SIZE };
}

/**
 * Published claims by filters alone — rating, claimant, dispute, dates — newest or oldest first, one page of them, with
 * the total (a search by words goes through the public search index instead: lib/search). Only published verdicts are
 * read; memoised until the database changes.
 */
export async function listPublishedClaims(f: Omit<PublicClaimFilters, "q">): Promise<PublicClaimPage> {
  return untilDataChanges(`list:${JSON.stringify({ ...f, q: undefined })}`, () => readPublishedClaims(f));
}

async function readPublishedClaims(f: Omit<PublicClaimFilters, "q">): Promise<PublicClaimPage> {
  const db = getDb();
  // Conditions on the verdict `v` and its claim id only, so that counting needs no join.
  const where: SQL[] = [sql`v.state = 'published'`];
  if (f.rating) where.push(sql`v.rating_id = (select id from ratings where key = ${f.rating})`);
  // Filters are written so the small side drives: a claimant's claims by its index, a dispute's accounts by theirs.
  if (f.claimant)
    where.push(
      sql`v.claim_version_id in (select id from claim_versions where claimant_id = (select id from claimants where slug = ${f.claimant}))`,
    );
  if (f.dispute)
    where.push(sql`v.claim_id in (select da.claim_id from ${PUBLISHED_ACCOUNTS} where dv.slug = ${f.dispute})`);
  if (f.from) where.push(sql`v.published_at >= ${Date.parse(f.from)}`);
  if (f.to) where.push(sql`v.published_at < ${Date.parse(f.to) + 86_400_000}`);
  const condition = sql.join(where, sql` and `);
  const total = Number(
    (await queryRow<{ n: number }>(db, sql`select count(*) as n from verdicts v where ${condition}`))!.n,
  );
  const order = f.sort === "oldest" ? sql`v.published_at asc, v.id asc` : sql`v.published_at desc, v.id desc`;
  const { page, pages, offset } = pageOf(total, f.page);
  type Row = Omit<PublicClaimHit, "rating" | "publishedAt" | "snippet"> & RatingColumns & { publishedAt: number };
  const rows = await queryRows<Row>(
    db,
    sql`
    select c.slug as slug, pc.statement as statement, cl.name as "claimantName", cl.slug as "claimantSlug",
      ${RATING_COLUMNS}, v.summary as summary, v.published_at as "publishedAt", ${PUBLISHED_LANGUAGES}
    from claims c ${PUBLISHED} ${PUBLISHED_CLAIMANT} where ${condition}
    order by ${order}
    limit ${PAGE_SIZE} offset ${offset}`,
  );
  const items = rows.map(({ publishedAt, ...row }) => ({
    ...withRating(row),
    publishedAt: instantOf(publishedAt),
    snippet: null,
  }));
  return { items, total, page, pages };
}

const isRealDate = (v: string | null | undefined): v is string =>
  !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v);

/**
 * Reads search filters from URL parameters (the page's and the API's alike); anything malformed is ignored, and NUL
 * characters (which no slug or word holds) are dropped.
 */
export function parsePublicFilters(param: (name: string) => string | null | undefined): PublicClaimFilters {
  const get = (name: string) => param(name)?.replace(/\u0000/g, "");
  const sort = get("sort");
  const page = Number(get("page"));
  return {
    q: get("q")?.slice(0, 200) || undefined,
    rating: get("rating") || undefined,
    claimant: get("claimant") || undefined,
    dispute: get("dispute") || undefined,
    from: isRealDate(get("from")) ? get("from")! : undefined,
    to: isRealDate(get("to")) ? get("to")! : undefined,
    sort: sort === "newest" || sort === "oldest" || sort === "relevance" ? sort : undefined,
    page: page > 0 ? Math.floor(page) : 1,
  };
}
