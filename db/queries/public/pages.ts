import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryRow, queryRows } from "@/db/sql";
import { untilDataChanges } from "@/db/queries/read-cache";
import {
  instantOf,
  RATING_COLUMNS,
  withRating,
  type CorrectionView,
  type RatingColumns,
  type RatingView,
} from "@/db/queries/shapes";
import {
  HAS_PUBLISHED_ACCOUNT,
  PUBLISHED,
  PUBLISHED_ACCOUNTS,
  PUBLISHED_CLAIMANT,
  PUBLISHED_CLAIM_LANGUAGE,
  PUBLISHED_LANGUAGES,
  PUBLISHED_DOCUMENT,
} from "./published";

// The public lists: corrections, feeds, the sitemap, the names and choices of the search form. Every query here reads
// published verdict versions only (`v.state = 'published'`), and what they present as it was published
// (`./published.ts`), or the public record of corrections and retractions; never the desk's working copy.

/** A correction or retraction in a log: with the claim it concerns, and the language its statement is in. */
export type PublicCorrection = CorrectionView & {
  claimSlug: string;
  statement: string;
  statementLanguage: string | null;
};

/**
 * Every published correction note and retraction notice, newest first, with the statement as that version was
 * published; `claimWhere` narrows the claims (alias `c`, and `pc` as published), `atWhere` the dates (column `at`).
 */
export async function listCorrections({
  limit = 200,
  claimWhere = [],
  atWhere = [],
}: { limit?: number; claimWhere?: SQL[]; atWhere?: SQL[] } = {}): Promise<PublicCorrection[]> {
  const claimsIn = claimWhere.length ? sql` and ${sql.join(claimWhere, sql` and `)}` : sql``;
  const rows = await queryRows<Omit<PublicCorrection, "at"> & { at: number }>(
    getDb(),
    sql`
    select * from (
      select 'correction' as kind, v.published_at as at, v.correction_note as text, c.slug as "claimSlug", pc.statement as statement,
        ${PUBLISHED_CLAIM_LANGUAGE} as "statementLanguage", coalesce(v.language, ${PUBLISHED_CLAIM_LANGUAGE}) as language
      from verdicts v join claims c on c.id = v.claim_id join claim_versions pc on pc.id = v.claim_version_id
      where v.seq > 1 and v.correction_note is not null and v.state in ('published', 'superseded', 'retracted') and v.published_at is not null${claimsIn}
      union all
      select 'retraction', v.retracted_at, v.retraction_reason, c.slug, pc.statement,
        ${PUBLISHED_CLAIM_LANGUAGE}, coalesce(v.language, ${PUBLISHED_CLAIM_LANGUAGE})
      from verdicts v join claims c on c.id = v.claim_id join claim_versions pc on pc.id = v.claim_version_id
      where v.state = 'retracted' and v.retracted_at is not null and v.published_at is not null${claimsIn}
    ) entries where ${sql.join([sql`true`, ...atWhere], sql` and `)} order by at desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, at: instantOf(r.at) }));
}

export type FeedVerdict = {
  slug: string;
  statement: string;
  /** The languages of the statement (the claim's) and of the summary (the verdict's). */
  statementLanguage: string | null;
  language: string | null;
  claimantName: string;
  rating: RatingView | null;
  summary: string;
  publishedAt: Date;
  seq: number;
};

/** The latest published verdicts, for the home page and the feeds. */
export async function listFeedVerdicts(limit = 50): Promise<FeedVerdict[]> {
  const rows = await queryRows<Omit<FeedVerdict, "rating" | "publishedAt"> & RatingColumns & { publishedAt: number }>(
    getDb(),
    sql`
    select c.slug as slug, pc.statement as statement, cl.name as "claimantName", ${RATING_COLUMNS}, v.summary as summary,
      v.published_at as "publishedAt", v.seq as seq, ${PUBLISHED_LANGUAGES}
    from claims c ${PUBLISHED} ${PUBLISHED_CLAIMANT}
    order by v.published_at desc, v.id desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...withRating(r), publishedAt: instantOf(r.publishedAt) }));
}

/** Every public path with its last change, for the sitemap: memoised until the database changes. */
export async function listSitemapEntries(): Promise<{ path: string; updated: Date | null }[]> {
  return untilDataChanges("sitemap", async () => {
    const db = getDb();
    type Entry = { path: string; updated: number | null };
    const entries = [
      ...(await queryRows<Entry>(
        db,
        sql`select '/claims/' || c.slug as path, v.published_at as updated from claims c ${PUBLISHED} order by c.id`,
      )),
      ...(await queryRows<Entry>(
        db,
        sql`select '/disputes/' || dv.slug as path, max(v.published_at) as updated
        from ${PUBLISHED_ACCOUNTS} join verdicts v on v.claim_id = da.claim_id and v.state = 'published'
        group by dv.id, dv.slug order by dv.id`,
      )),
      ...(await queryRows<Entry>(
        db,
        sql`select '/claimants/' || cl.slug as path, max(v.published_at) as updated
        from claims c ${PUBLISHED} ${PUBLISHED_CLAIMANT} group by cl.id, cl.slug order by cl.id`,
      )),
      ...(await queryRows<Entry>(
        db,
        sql`select '/documents/' || d.slug as path, max(v.published_at) as updated
        from claims c ${PUBLISHED} ${PUBLISHED_DOCUMENT} group by d.id, d.slug order by d.id`,
      )),
    ];
    return entries.map((e) => ({ path: e.path, updated: instantOf(e.updated) }));
  });
}

/** A claimant's name, if the claimant has a published verdict (null otherwise: nothing about them is public). */
export async function publicClaimantName(slug: string): Promise<string | null> {
  const row = await queryRow<{ name: string }>(
    getDb(),
    sql`
      select cl.name as name from claimant_versions cl
      where cl.slug = ${slug} and cl.superseded_at is null
        and exists (select 1 from claims c ${PUBLISHED} where pc.claimant_id = cl.claimant_id)`,
  );
  return row?.name ?? null;
}

/** A dispute's question, if one of its accounts has a published verdict (null otherwise). */
export async function publicDisputeQuestion(slug: string): Promise<string | null> {
  const row = await queryRow<{ question: string }>(
    getDb(),
    sql`
      select dv.question as question from dispute_versions dv
      where dv.slug = ${slug} and dv.superseded_at is null and ${HAS_PUBLISHED_ACCOUNT}`,
  );
  return row?.question ?? null;
}

/** The claimants with the most published verdicts (at most `limit`), by name: the search form's choice. */
export async function listPublicClaimants(limit = 50): Promise<{ slug: string; name: string }[]> {
  return untilDataChanges(`claimants:${limit}`, () =>
    queryRows<{ slug: string; name: string }>(
      getDb(),
      sql`
      select slug, name from (
        select cl.slug as slug, cl.name as name, count(*) as n from claims c ${PUBLISHED} ${PUBLISHED_CLAIMANT}
        group by cl.id, cl.slug, cl.name order by n desc, cl.name limit ${limit}) busiest
      order by name`,
    ),
  );
}
