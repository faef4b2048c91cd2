import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { EVERY_LIST, EVERY_PUBLIC_PAGE, localePathTag } from "@/db/queries/cache-invalidations";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { instantOf, RATING_COLUMNS, ratingOf, type RatingColumns } from "@/db/queries/shapes";
import { NOW_MS, queryRow, queryRows } from "@/db/sql";
import {
  PUBLISHED,
  PUBLISHED_ACCOUNTS,
  PUBLISHED_CLAIMANT,
  PUBLISHED_DOCUMENT,
  PUBLISHED_LANGUAGES,
  type PublishedLanguages,
} from "./published";
import type { PublicClaimHit } from "./search-claims";

/**
 * What the public search reads of published claims: their texts as published — never the desk's working copy — with
 * what its filters and order need, and how it knows what changed since it last read them.
 */

/** A published claim's searchable texts, in the order of `SEARCH_FIELDS`, with what filters and orders it. */
export type SearchText = {
  id: number;
  statement: string;
  quote: string;
  claimant: string;
  summary: string;
  rationale: string;
  documentTitle: string;
  claimantId: number;
  ratingId: number | null;
  verdictId: number;
  publishedAt: number;
};

/** The fields a published claim is searched by, in the order snippets prefer them. */
export const SEARCH_FIELDS = ["statement", "quote", "claimant", "summary", "rationale", "documentTitle"] as const;

const PUBLISHED_CLAIMS = sql`from claims c ${PUBLISHED} ${PUBLISHED_CLAIMANT} ${PUBLISHED_DOCUMENT}`;
const TEXT_COLUMNS = sql`c.id as id, pc.statement as statement, pc.quote as quote, cl.name as claimant,
  v.summary as summary, v.rationale as rationale, d.title as "documentTitle"`;
const idList = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
const CHUNK = 500;

/** Reads by chunks of ids, so that a statement never has more parameters than an engine takes. */
async function inChunks<T>(ids: readonly number[], read: (list: SQL) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await read(idList(ids.slice(i, i + CHUNK)))));
  return rows;
}

const searchTextsWhere = async (where: SQL, limit = sql``) =>
  (
    await queryRows<SearchText>(
      getDb(),
      sql`select ${TEXT_COLUMNS}, pc.claimant_id as "claimantId", v.rating_id as "ratingId", v.id as "verdictId",
        v.published_at as "publishedAt"
      ${PUBLISHED_CLAIMS} where ${where} order by c.id ${limit}`,
    )
  ).map((r) => ({ ...r, id: Number(r.id), publishedAt: Number(r.publishedAt) }));

/** The published claims after `afterId`, at most `limit` of them, by id: the whole set is read a page at a time. */
export function readSearchTexts(afterId: number, limit: number): Promise<SearchText[]> {
  return searchTextsWhere(sql`c.id > ${afterId}`, sql`limit ${limit}`);
}

/** These claims' searchable texts, for those of them that are published now. */
export function readSearchTextsOf(ids: readonly number[]): Promise<SearchText[]> {
  return inChunks(ids, (list) => searchTextsWhere(sql`c.id in (${list})`));
}

/**
 * When the published record last changed, as the database's clock has it: the invalidation times of every claims list
 * (marked by every change to what readers see of a claim) and of every public page (the rating scale), and now.
 */
export async function publishedRecordStamp(): Promise<{ now: number; claims: number; everything: number }> {
  const at = (tag: string) => sql`coalesce((select invalidated_at from cache_invalidations where tag = ${tag}), 0)`;
  const row = await queryRow<{ now: number | string; claims: number | string; everything: number | string }>(
    getDb(),
    sql`select ${NOW_MS} as now, ${at(EVERY_LIST)} as claims, ${at(EVERY_PUBLIC_PAGE)} as everything`,
  );
  return { now: Number(row!.now), claims: Number(row!.claims), everything: Number(row!.everything) };
}

/**
 * The claims whose public page was invalidated at or after an instant (database clock): every claim whose published
 * record a write changed, as the write reported it (lib/cache/public-invalidation.ts).
 */
export async function claimsInvalidatedSince(since: number): Promise<number[]> {
  // Every locale's page of a claim is marked with the others: the default locale's stands for all.
  const prefix = localePathTag(DEFAULT_LOCALE, "/claims/");
  const rows = await queryRows<{ id: number }>(
    getDb(),
    sql`select c.id as id from cache_invalidations ci join claims c on c.slug = substr(ci.tag, ${prefix.length + 1})
      where ci.invalidated_at >= ${since} and substr(ci.tag, 1, ${prefix.length}) = ${prefix}`,
  );
  return rows.map((r) => Number(r.id));
}

/** The rows a page of search results shows, for those of these claims that are published now. */
export async function readSearchHits(
  ids: readonly number[],
): Promise<Map<number, Omit<PublicClaimHit, "snippet"> & { texts: string[] }>> {
  type Row = SearchText & { slug: string; claimantName: string; claimantSlug: string } & RatingColumns &
    PublishedLanguages;
  const rows = await inChunks(ids, (list) =>
    queryRows<Row>(
      getDb(),
      sql`select ${TEXT_COLUMNS}, c.slug as slug, cl.name as "claimantName", cl.slug as "claimantSlug",
        ${RATING_COLUMNS}, v.published_at as "publishedAt", ${PUBLISHED_LANGUAGES}
      ${PUBLISHED_CLAIMS} where c.id in (${list})`,
    ),
  );
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        slug: r.slug,
        statement: r.statement,
        claimantName: r.claimantName,
        claimantSlug: r.claimantSlug,
        rating: ratingOf(r),
        summary: r.summary,
        publishedAt: instantOf(r.publishedAt),
        statementLanguage: r.statementLanguage,
        language: r.language,
        texts: SEARCH_FIELDS.map((field) => r[field]),
      },
    ]),
  );
}

/**
 * The ids that a search's filters stand for, as the database has them now: the rating by its key, the claimant by its
 * slug (null: none has it, so nothing matches), and the claims of a dispute's published accounts.
 */
export async function resolveSearchFilters(f: { rating?: string; claimant?: string; dispute?: string }): Promise<{
  ratingId?: number | null;
  claimantId?: number | null;
  disputeClaims?: Set<number>;
}> {
  const db = getDb();
  const idOf = async (query: SQL) => {
    const row = await queryRow<{ id: number }>(db, query);
    return row ? Number(row.id) : null;
  };
  return {
    ratingId: f.rating ? await idOf(sql`select id from ratings where key = ${f.rating}`) : undefined,
    claimantId: f.claimant ? await idOf(sql`select id from claimants where slug = ${f.claimant}`) : undefined,
    disputeClaims: f.dispute
      ? new Set(
          (
            await queryRows<{ id: number }>(
              db,
              sql`select da.claim_id as id from ${PUBLISHED_ACCOUNTS} where dv.slug = ${f.dispute}`,
            )
          ).map((r) => Number(r.id)),
        )
      : undefined,
  };
}
