import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryRow, queryRows } from "@/db/sql";
import { untilDataChanges } from "@/db/queries/read-cache";
import { fullText } from "@/db/search/full-text";
import { PUBLISHED, PUBLISHED_ACCOUNTS, PUBLISHED_CLAIMANT } from "./published";
import { instantOf, RATING_COLUMNS, ratingOf, type RatingColumns, type RatingView } from "@/db/queries/shapes";

export { MATCH_END, MATCH_START } from "@/db/search/full-text";

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
};

export const PAGE_SIZE = 20;

/** What a reader typed, as the engine's full-text query (null without words); see `db/search/full-text.ts`. */
export function toFtsQuery(q: string): string | null {
  return fullText.toQuery(q);
}

/**
 * Published claims matching a search and filters, one page of them, with the total. Only published verdicts are read.
 */
export async function searchPublishedClaims(f: PublicClaimFilters): Promise<{
  items: PublicClaimHit[];
  total: number;
  page: number;
  pages: number;
}> {
  return untilDataChanges(`search:${JSON.stringify(f)}`, () => readPublishedClaims(f));
}

async function readPublishedClaims(f: PublicClaimFilters): Promise<{
  items: PublicClaimHit[];
  total: number;
  page: number;
  pages: number;
}> {
  const db = getDb();
  const match = f.q ? toFtsQuery(f.q) : null;
  // Conditions on the verdict `v` and its claim id only, so that counting needs no join:
  // claim_search holds exactly the claims with a published verdict.
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
  const total = (await queryRow<{ n: number }>(
    db,
    !match
      ? sql`select count(*) as n from verdicts v where ${condition}`
      : where.length === 1
        ? sql`select count(*) as n from (${fullText.matchingIds(match)}) m`
        : sql`select count(*) as n from verdicts v where ${condition} and v.claim_id in (${fullText.matchingIds(match)})`,
  ))!.n;

  const from = sql`claims c ${PUBLISHED} ${PUBLISHED_CLAIMANT} ${match ? fullText.join : sql``}`;
  const sort = f.sort ?? (match ? "relevance" : "newest");
  const order =
    sort === "relevance" && match
      ? sql`${fullText.rank(match)}, v.published_at desc, v.id desc`
      : sort === "oldest"
        ? sql`v.published_at asc, v.id asc`
        : sql`v.published_at desc, v.id desc`;
  const itemsWhere = match ? sql`${condition} and ${fullText.matches(match)}` : condition;

  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, f.page ?? 1), pages);
  const columns = sql`c.slug as slug, pc.statement as statement, cl.name as "claimantName", cl.slug as "claimantSlug",
      ${RATING_COLUMNS}, v.summary as summary, v.published_at as "publishedAt"`;
  const offset = (page - 1) * PAGE_SIZE;
  // Words alone, best first: the full-text index ranks and pages by itself, and only the page
  // is joined (ranking after the join costs ~7× as much on 100,000 claims).
  type Row = Omit<PublicClaimHit, "rating" | "publishedAt"> & RatingColumns & { publishedAt: number };
  const rows = await queryRows<Row>(
    db,
    match && where.length === 1 && sort === "relevance"
      ? sql`
    select ${columns}, t.snippet as snippet
    from (${fullText.bestPage(match, PAGE_SIZE, offset)}) t
    join claims c on c.id = t.id ${PUBLISHED} ${PUBLISHED_CLAIMANT}
    order by t.score, t.id desc`
      : sql`
    select ${columns}, ${match ? fullText.snippet(match) : sql`null`} as snippet
    from ${from} where ${itemsWhere}
    order by ${order}
    limit ${PAGE_SIZE} offset ${offset}`,
  );
  const items = rows.map(({ ratingKey, ratingLabel, ratingColour, ratingOrdinal, publishedAt, ...hit }) => ({
    ...hit,
    rating: ratingOf({ ratingKey, ratingLabel, ratingColour, ratingOrdinal }),
    publishedAt: instantOf(publishedAt),
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
