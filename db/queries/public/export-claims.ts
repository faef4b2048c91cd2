import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { EvidenceSnapshotItem } from "@/db/schema";

/** What to export: everything, or one document, dispute or claimant (id or slug), and a date range of publication. */
export type ExportScope = { document?: string; dispute?: string; claimant?: string; from?: string; to?: string };

/** One published claim as the exports need it, read in one query per batch. */
export type ExportClaim = {
  id: number;
  slug: string;
  statement: string;
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  claimedAt: string | null;
  claimantName: string;
  claimantSameAs: string | null;
  documentSlug: string;
  documentTitle: string;
  documentSourceUrl: string | null;
  documentPublisher: string | null;
  documentPublishedAt: string | null;
  ratingLabel: string | null;
  ratingOrdinal: number | null;
  summary: string;
  verdictSeq: number;
  publishedAt: number;
  firstPublishedAt: number;
  evidence: EvidenceSnapshotItem[];
};

const BATCH = 1000;

const byIdOrSlug = (table: string, value: string) =>
  /^\d+$/.test(value) ? sql`(select id from ${sql.raw(table)} where id = ${Number(value)})` : sql`(select id from ${sql.raw(table)} where slug = ${value})`;

function scopeWhere(s: ExportScope): SQL[] {
  const where: SQL[] = [];
  if (s.document) where.push(sql`c.document_id = ${byIdOrSlug("documents", s.document)}`);
  if (s.claimant) where.push(sql`c.claimant_id = ${byIdOrSlug("claimants", s.claimant)}`);
  if (s.dispute) where.push(sql`c.id in (select claim_id from dispute_accounts where dispute_id = ${byIdOrSlug("disputes", s.dispute)})`);
  if (s.from) where.push(sql`v.published_at >= ${Date.parse(s.from)}`);
  if (s.to) where.push(sql`v.published_at < ${Date.parse(s.to) + 86_400_000}`);
  return where;
}

/**
 * Every published claim in scope, in id order, a batch at a time: an export of 100,000
 * claims never holds more than one batch in memory. Only published verdict versions and the
 * evidence they were published with are read.
 */
export function* publishedClaimsForExport(scope: ExportScope): Generator<ExportClaim> {
  const db = getDb();
  const extra = scopeWhere(scope);
  for (let after = 0; ; ) {
    const rows = db.all<Omit<ExportClaim, "evidence"> & { evidence: string | null }>(sql`
      select c.id as id, c.slug as slug, c.statement as statement, c.quote as quote, c.prefix as prefix, c.suffix as suffix,
        c.start as start, c.end as "end", c.claimed_at as claimedAt,
        cl.name as claimantName, cl.same_as as claimantSameAs,
        d.slug as documentSlug, d.title as documentTitle, d.source_url as documentSourceUrl, d.publisher as documentPublisher, d.published_at as documentPublishedAt,
        r.label as ratingLabel, r.ordinal as ratingOrdinal, v.summary as summary, v.seq as verdictSeq, v.published_at as publishedAt,
        (select min(v1.published_at) from verdicts v1 where v1.claim_id = c.id and v1.published_at is not null) as firstPublishedAt,
        v.evidence_snapshot as evidence
      from claims c
      join verdicts v on v.claim_id = c.id
      join claimants cl on cl.id = c.claimant_id
      join documents d on d.id = c.document_id
      left join ratings r on r.id = v.rating_id
      where ${sql.join([sql`v.state = 'published'`, sql`c.id > ${after}`, ...extra], sql` and `)}
      order by c.id limit ${BATCH}`);
    for (const row of rows) yield { ...row, evidence: row.evidence ? (JSON.parse(row.evidence) as EvidenceSnapshotItem[]) : [] };
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}
