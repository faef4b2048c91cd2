import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryRow, queryRows } from "@/db/sql";
import { untilDataChanges } from "@/db/queries/read-cache";
import {
  instantOf,
  RATING_COLUMNS,
  ratingOf,
  withRating,
  type CorrectionView,
  type RatingColumns,
  type RatingView,
} from "@/db/queries/shapes";
import type { EvidenceSnapshotItem, Stance } from "@/db/schema";

// Every query here reads published verdict versions only (`v.state = 'published'`), or the
// public record of corrections and retractions. Documents, claimants and disputes appear
// only through a published claim.

const PUBLISHED = sql`join verdicts v on v.claim_id = c.id and v.state = 'published' left join ratings r on r.id = v.rating_id`;

export type PublicAccount = {
  claimSlug: string;
  label: string;
  statement: string;
  quote: string;
  claimantName: string;
  claimantSlug: string;
  rating: RatingView | null;
  summary: string;
  evidence: EvidenceSnapshotItem[];
};

/** A dispute with its published accounts; null if none of its accounts is published. */
export async function getPublicDispute(slug: string) {
  const db = getDb();
  const dispute = await queryRow<{
    id: number;
    slug: string;
    question: string;
    description: string | null;
    eventDate: string | null;
  }>(db, sql`select id, slug, question, description, event_date as "eventDate" from disputes where slug = ${slug}`);
  if (!dispute) return null;
  const rows = await queryRows<
    Omit<PublicAccount, "evidence" | "rating"> & RatingColumns & { evidence: string | null }
  >(
    db,
    sql`
    select c.slug as "claimSlug", da.label as label, c.statement as statement, c.quote as quote,
      cl.name as "claimantName", cl.slug as "claimantSlug", ${RATING_COLUMNS},
      v.summary as summary, v.evidence_snapshot as evidence
    from dispute_accounts da join claims c on c.id = da.claim_id join claimants cl on cl.id = c.claimant_id ${PUBLISHED}
    where da.dispute_id = ${dispute.id} order by da.position`,
  );
  if (rows.length === 0) return null;
  const accounts: PublicAccount[] = rows.map((r) => ({
    ...withRating(r),
    evidence: r.evidence ? (JSON.parse(r.evidence) as EvidenceSnapshotItem[]) : [],
  }));
  // The evidence matrix, from what each account's verdict was published with.
  const items = new Map<number, { evidenceId: number; title: string; url: string }>();
  const stances: Record<string, Stance> = {};
  for (const a of accounts) {
    for (const e of a.evidence) {
      items.set(e.evidenceId, { evidenceId: e.evidenceId, title: e.title, url: e.url });
      stances[`${e.evidenceId}:${a.claimSlug}`] = e.stance;
    }
  }
  return { dispute, accounts, matrix: { items: [...items.values()], stances } };
}

/**
 * Disputes with at least one published account, most recently changed first (each checked by index, not by a join over
 * all verdicts).
 */
export async function listPublicDisputes(limit = 20) {
  return untilDataChanges(`disputes:${limit}`, () => readPublicDisputes(limit));
}

async function readPublicDisputes(limit: number) {
  return queryRows<{ slug: string; question: string; eventDate: string | null; accounts: number }>(
    getDb(),
    sql`
    select d.slug as slug, d.question as question, d.event_date as "eventDate",
      (select count(*) from dispute_accounts da join verdicts v on v.claim_id = da.claim_id and v.state = 'published' where da.dispute_id = d.id) as accounts
    from disputes d
    where exists (select 1 from dispute_accounts da join verdicts v on v.claim_id = da.claim_id and v.state = 'published' where da.dispute_id = d.id)
    order by d.updated_at desc limit ${limit}`,
  );
}

/** A claimant's published record: counts by rating and the verdicts; null if nothing is published. */
export async function getPublicClaimant(slug: string) {
  const db = getDb();
  const claimant = await queryRow<{
    id: number;
    slug: string;
    name: string;
    description: string | null;
    sameAs: string | null;
  }>(db, sql`select id, slug, name, description, same_as as "sameAs" from claimants where slug = ${slug}`);
  if (!claimant) return null;
  const rows = await queryRows<
    { slug: string; statement: string; summary: string; publishedAt: number } & RatingColumns
  >(
    db,
    sql`
    select c.slug as slug, c.statement as statement, ${RATING_COLUMNS}, v.summary as summary, v.published_at as "publishedAt"
    from claims c ${PUBLISHED} where c.claimant_id = ${claimant.id} order by v.published_at desc, v.id desc`,
  );
  if (rows.length === 0) return null;
  const claims = rows.map((r) => ({ ...withRating(r), publishedAt: instantOf(r.publishedAt) }));
  const counts = await queryRows<RatingColumns & { n: number }>(
    db,
    sql`
    select ${RATING_COLUMNS}, count(*) as n
    from claims c ${PUBLISHED} where c.claimant_id = ${claimant.id} and r.id is not null
    group by r.id order by r.position`,
  );
  return { claimant, claims, counts: counts.map((c) => ({ rating: ratingOf(c)!, n: c.n })) };
}

/** A document with its current text and the published claims to highlight; null if none is published. */
export async function getPublicDocument(slug: string) {
  const db = getDb();
  const doc = await queryRow<{
    id: number;
    slug: string;
    title: string;
    sourceUrl: string | null;
    publisher: string | null;
    author: string | null;
    publishedAt: string | null;
    text: string;
    revision: number;
  }>(
    db,
    sql`
    select d.id as id, d.slug as slug, d.title as title, d.source_url as "sourceUrl", d.publisher as publisher, d.author as author,
      d.published_at as "publishedAt", dr.text as text, dr.revision as revision
    from documents d join document_revisions dr on dr.document_id = d.id and dr.revision = d.current_revision
    where d.slug = ${slug}`,
  );
  if (!doc) return null;
  // Only published claims that sit anchored in this very revision (the one whose text was read, even if an edit
  // lands in between) are drawn: no position of an unpublished claim ever reaches the page.
  const rows = await queryRows<
    { slug: string; start: number; end: number; statement: string; claimantName: string } & RatingColumns
  >(
    db,
    sql`
    select c.slug as slug, c.start as start, c.end as end, c.statement as statement, cl.name as "claimantName", ${RATING_COLUMNS}
    from claims c join claimants cl on cl.id = c.claimant_id ${PUBLISHED}
    where c.document_id = ${doc.id} and c.anchor_status = 'anchored' and c.revision = ${doc.revision}
    order by c.start, c.id`,
  );
  if (rows.length === 0) return null;
  return { doc, claims: rows.map(withRating) };
}

/** A correction or retraction in a log: with the claim it concerns. */
export type PublicCorrection = CorrectionView & { claimSlug: string; statement: string };

/**
 * Every published correction note and retraction notice, newest first; `claimWhere`
 * narrows the claims (alias `c`), `atWhere` the dates (column `at`).
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
      select 'correction' as kind, v.published_at as at, v.correction_note as text, c.slug as "claimSlug", c.statement as statement
      from verdicts v join claims c on c.id = v.claim_id
      where v.seq > 1 and v.correction_note is not null and v.state in ('published', 'superseded', 'retracted') and v.published_at is not null${claimsIn}
      union all
      select 'retraction', v.retracted_at, v.retraction_reason, c.slug, c.statement
      from verdicts v join claims c on c.id = v.claim_id
      where v.state = 'retracted' and v.retracted_at is not null and v.published_at is not null${claimsIn}
    ) entries where ${sql.join([sql`true`, ...atWhere], sql` and `)} order by at desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, at: instantOf(r.at) }));
}

export type FeedVerdict = {
  slug: string;
  statement: string;
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
    select c.slug as slug, c.statement as statement, cl.name as "claimantName", ${RATING_COLUMNS}, v.summary as summary,
      v.published_at as "publishedAt", v.seq as seq
    from claims c join claimants cl on cl.id = c.claimant_id ${PUBLISHED}
    order by v.published_at desc, v.id desc limit ${limit}`,
  );
  return rows.map((r) => ({ ...withRating(r), publishedAt: instantOf(r.publishedAt) }));
}

/** Every public path with its last change, for the sitemap: memoised until the database changes. */
export async function listSitemapEntries(): Promise<{ path: string; updated: Date | null }[]> {
  return untilDataChanges("sitemap", async () => {
    const db = getDb();
    const published = (table: string, alias: string, join: SQL) =>
      queryRows<{ path: string; updated: number | null }>(
        db,
        sql`
        select ${sql.raw(`'/${table}/'`)} || ${sql.raw(alias)}.slug as path, max(v.published_at) as updated
        from ${sql.raw(table)} ${sql.raw(alias)} ${join} join verdicts v on v.claim_id = c.id and v.state = 'published'
        group by ${sql.raw(alias)}.id order by ${sql.raw(alias)}.id`,
      );
    const entries = [
      ...(await queryRows<{ path: string; updated: number | null }>(
        db,
        sql`select '/claims/' || c.slug as path, v.published_at as updated from claims c ${PUBLISHED} order by c.id`,
      )),
      ...(await published(
        "disputes",
        "d",
        sql`join dispute_accounts da on da.dispute_id = d.id join claims c on c.id = da.claim_id`,
      )),
      ...(await published("claimants", "cl", sql`join claims c on c.claimant_id = cl.id`)),
      ...(await published("documents", "d", sql`join claims c on c.document_id = d.id`)),
    ];
    return entries.map((e) => ({ path: e.path, updated: instantOf(e.updated) }));
  });
}

/** A claimant's name, if the claimant has a published verdict (null otherwise: nothing about them is public). */
export async function publicClaimantName(slug: string): Promise<string | null> {
  const row = await queryRow<{ name: string }>(
    getDb(),
    sql`
      select cl.name as name from claimants cl
      where cl.slug = ${slug} and exists (select 1 from claims c join verdicts v on v.claim_id = c.id and v.state = 'published' where c.claimant_id = cl.id)`,
  );
  return row?.name ?? null;
}

/** A dispute's question, if one of its accounts has a published verdict (null otherwise). */
export async function publicDisputeQuestion(slug: string): Promise<string | null> {
  const row = await queryRow<{ question: string }>(
    getDb(),
    sql`
      select d.question as question from disputes d
      where d.slug = ${slug} and exists (select 1 from dispute_accounts da join verdicts v on v.claim_id = da.claim_id and v.state = 'published' where da.dispute_id = d.id)`,
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
        select cl.slug as slug, cl.name as name, count(*) as n from claims c
        join verdicts v on v.claim_id = c.id and v.state = 'published'
        join claimants cl on cl.id = c.claimant_id
        group by cl.id order by n desc, cl.name limit ${limit}) busiest
      order by name`,
    ),
  );
}
