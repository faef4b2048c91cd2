import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { parseId } from "@/db/ids";
import {
  instantOf,
  RATING_COLUMNS,
  ratingOf,
  withRating,
  type RatingColumns,
  type RatingView,
} from "@/db/queries/shapes";
import { queryRow, queryRows } from "@/db/sql";
import type { AnchorStatus, ClaimantKind, EvidenceSnapshotItem, VerdictState } from "@/db/schema";
import { listCorrections, type PublicCorrection } from "./public/pages";

/** What to export: everything, or one document, dispute or claimant (id or slug), and a date range. */
export type ExportScope = {
  claim?: string;
  document?: string;
  dispute?: string;
  claimant?: string;
  from?: string;
  to?: string;
};

/**
 * Published work only (anyone), or the desk's view (editors): every claim in scope, with
 * its published verdict or else its latest version, every version, and its evidence as it
 * stands now.
 */
export type ExportMode = { includeUnpublished: boolean };

export type ExportVersion = {
  id: number;
  seq: number;
  state: VerdictState;
  rating: RatingView | null;
  summary: string;
  rationale: string;
  correctionNote: string | null;
  retractionReason: string | null;
  authorName: string;
  reviewerName: string | null;
  submittedAt: Date | null;
  publishedAt: Date | null;
  retractedAt: Date | null;
  updatedAt: Date;
};

/** One claim with everything any export format writes about it. */
export type ExportRecord = {
  id: number;
  slug: string;
  statement: string;
  quote: string;
  prefix: string;
  suffix: string;
  /** Code points of the document's canonical text, as W3C TextPositionSelector counts them. */
  start: number;
  end: number;
  revision: number;
  anchorStatus: AnchorStatus;
  claimedAt: string | null;
  createdAt: Date;
  updatedAt: Date;
  document: {
    id: number;
    slug: string;
    title: string;
    sourceUrl: string | null;
    publisher: string | null;
    author: string | null;
    publishedAt: string | null;
    language: string | null;
  };
  claimant: {
    id: number;
    slug: string;
    name: string;
    description: string | null;
    sameAs: string | null;
    kind: ClaimantKind | null;
  };
  disputes: { id: number; slug: string; question: string; label: string }[];
  /** The version exported: the published one, or (with unpublished work) the latest. */
  verdict: ExportVersion | null;
  /** Whether `verdict` is the published, public one. Everything else is marked unpublished. */
  published: boolean;
  firstPublishedAt: Date | null;
  /**
   * The published version only (earlier ones are the desk's history) or, with unpublished work, every version in order.
   */
  versions: ExportVersion[];
  /** Evidence with stances: as published with the verdict, or (with unpublished work) as linked now. */
  evidence: EvidenceSnapshotItem[];
};

const BATCH = 1000;

// All digits is an id (0, matching nothing, when beyond any id); anything else a slug.
const byIdOrSlug = (table: string, value: string) =>
  /^\d+$/.test(value)
    ? sql`(select id from ${sql.raw(table)} where id = ${parseId(value) ?? 0})`
    : sql`(select id from ${sql.raw(table)} where slug = ${value})`;

/** The scope as conditions on a claim `c` (document, claimant, dispute). */
function claimScope(s: ExportScope): SQL[] {
  const where: SQL[] = [];
  if (s.claim) where.push(sql`c.id = ${byIdOrSlug("claims", s.claim)}`);
  if (s.document) where.push(sql`c.document_id = ${byIdOrSlug("documents", s.document)}`);
  if (s.claimant) where.push(sql`c.claimant_id = ${byIdOrSlug("claimants", s.claimant)}`);
  if (s.dispute)
    where.push(
      sql`c.id in (select claim_id from dispute_accounts where dispute_id = ${byIdOrSlug("disputes", s.dispute)})`,
    );
  return where;
}

/**
 * The verdict `v` each claim `c` is exported with, and the conditions of the scope: the
 * published version; or, with unpublished work, the latest version (none for a claim
 * without one), dated by publication, else its last change, else the claim's creation.
 */
function scoped(scope: ExportScope, mode: ExportMode): { join: SQL; where: SQL[] } {
  return mode.includeUnpublished
    ? {
        // A claim whose verdict is published is exported with it (a correction in the works
        // shows among the versions); any other, with its latest version.
        join: sql`left join verdicts v on v.id = coalesce(
          (select v1.id from verdicts v1 where v1.claim_id = c.id and v1.state = 'published'),
          (select v2.id from verdicts v2 where v2.claim_id = c.id order by v2.seq desc limit 1))`,
        where: [...claimScope(scope), ...dateRange(scope, sql`coalesce(v.published_at, v.updated_at, c.created_at)`)],
      }
    : {
        join: sql`join verdicts v on v.claim_id = c.id and v.state = 'published'`,
        where: [...claimScope(scope), ...dateRange(scope, sql`v.published_at`)],
      };
}

/** The date range, on a day column: `to` includes the whole day. */
function dateRange(s: ExportScope, column: SQL): SQL[] {
  const where: SQL[] = [];
  if (s.from) where.push(sql`${column} >= ${Date.parse(s.from)}`);
  if (s.to) where.push(sql`${column} < ${Date.parse(s.to) + 86_400_000}`);
  return where;
}

type ClaimRow = Omit<
  ExportRecord,
  | "document"
  | "claimant"
  | "disputes"
  | "verdict"
  | "published"
  | "versions"
  | "evidence"
  | "createdAt"
  | "updatedAt"
  | "firstPublishedAt"
> & {
  createdAt: number;
  updatedAt: number;
  verdictId: number | null;
  snapshot: string | null;
  firstPublishedAt: number | null;
  documentId: number;
  documentSlug: string;
  documentTitle: string;
  documentSourceUrl: string | null;
  documentPublisher: string | null;
  documentAuthor: string | null;
  documentPublishedAt: string | null;
  documentLanguage: string | null;
  claimantId: number;
  claimantSlug: string;
  claimantName: string;
  claimantDescription: string | null;
  claimantSameAs: string | null;
  claimantKind: ClaimantKind | null;
};

type VersionRow = Omit<ExportVersion, "rating" | "submittedAt" | "publishedAt" | "retractedAt" | "updatedAt"> &
  RatingColumns & {
    claimId: number;
    submittedAt: number | null;
    publishedAt: number | null;
    retractedAt: number | null;
    updatedAt: number;
  };

function toVersion(v: VersionRow): ExportVersion {
  return {
    id: v.id,
    seq: v.seq,
    state: v.state,
    rating: ratingOf(v),
    summary: v.summary,
    rationale: v.rationale,
    correctionNote: v.correctionNote,
    retractionReason: v.retractionReason,
    authorName: v.authorName,
    reviewerName: v.reviewerName,
    submittedAt: instantOf(v.submittedAt),
    publishedAt: instantOf(v.publishedAt),
    retractedAt: instantOf(v.retractedAt),
    updatedAt: instantOf(v.updatedAt),
  };
}

function groupBy<T extends { claimId: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.claimId);
    if (list) list.push(row);
    else map.set(row.claimId, [row]);
  }
  return map;
}

/**
 * The claims in scope, in id order, a batch of 1,000 at a time (four queries a batch): an
 * export of 100,000 claims never holds more than one batch in memory. Without
 * `includeUnpublished` only claims whose verdict is published are read, with that version
 * and the evidence it was published with — never a draft, an earlier version, a comment or
 * the audit log. With it, every claim in scope and all its versions.
 */
export async function* claimsForExport(scope: ExportScope, mode: ExportMode): AsyncGenerator<ExportRecord> {
  const db = getDb();
  const internal = mode.includeUnpublished;
  const { join, where } = scoped(scope, mode);
  for (let after = 0; ;) {
    const rows = await queryRows<ClaimRow>(
      db,
      sql`
      select c.id as id, c.slug as slug, c.statement as statement, c.quote as quote, c.prefix as prefix, c.suffix as suffix,
        c.start as start, c."end" as "end", c.revision as revision, c.anchor_status as "anchorStatus", c.claimed_at as "claimedAt",
        c.created_at as "createdAt", c.updated_at as "updatedAt",
        d.id as "documentId", d.slug as "documentSlug", d.title as "documentTitle", d.source_url as "documentSourceUrl", d.publisher as "documentPublisher",
        d.author as "documentAuthor", d.published_at as "documentPublishedAt", d.language as "documentLanguage",
        cl.id as "claimantId", cl.slug as "claimantSlug", cl.name as "claimantName", cl.description as "claimantDescription", cl.same_as as "claimantSameAs", cl.kind as "claimantKind",
        v.id as "verdictId", v.evidence_snapshot as snapshot,
        (select min(v1.published_at) from verdicts v1 where v1.claim_id = c.id and v1.published_at is not null) as "firstPublishedAt"
      from claims c
      ${join}
      join claimants cl on cl.id = c.claimant_id
      join documents d on d.id = c.document_id
      where ${sql.join([sql`c.id > ${after}`, ...where], sql` and `)}
      order by c.id limit ${BATCH}`,
    );
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!.id;
    const inBatch = sql`in (${sql.join(
      rows.map((r) => sql`${r.id}`),
      sql`, `,
    )})`;

    const versions = groupBy(
      await queryRows<VersionRow>(
        db,
        sql`
        select v.claim_id as "claimId", v.id as id, v.seq as seq, v.state as state, ${RATING_COLUMNS},
          v.summary as summary, v.rationale as rationale, v.correction_note as "correctionNote", v.retraction_reason as "retractionReason",
          a.name as "authorName", rv.name as "reviewerName", v.submitted_at as "submittedAt", v.published_at as "publishedAt",
          v.retracted_at as "retractedAt", v.updated_at as "updatedAt"
        from verdicts v
        join users a on a.id = v.author_id
        left join users rv on rv.id = v.reviewer_id
        left join ratings r on r.id = v.rating_id
        where v.claim_id ${inBatch} ${internal ? sql`` : sql`and v.state = 'published'`}
        order by v.claim_id, v.seq`,
      ),
    );
    const disputes = groupBy(
      await queryRows<{ claimId: number; id: number; slug: string; question: string; label: string }>(
        db,
        sql`
        select da.claim_id as "claimId", d.id as id, d.slug as slug, d.question as question, da.label as label
        from dispute_accounts da join disputes d on d.id = da.dispute_id
        where da.claim_id ${inBatch} order by da.claim_id, d.id`,
      ),
    );
    const liveEvidence = internal
      ? groupBy(
          await queryRows<EvidenceSnapshotItem & { claimId: number }>(
            db,
            sql`
            select ce.claim_id as "claimId", e.id as "evidenceId", ce.stance as stance, e.url as url, e.archive_url as "archiveUrl", e.title as title,
              e.publisher as publisher, e.published_at as "publishedAt", e.excerpt as excerpt, e.source_type as "sourceType"
            from claim_evidence ce join evidence e on e.id = ce.evidence_id
            where ce.claim_id ${inBatch} order by ce.claim_id, ce.id`,
          ),
        )
      : null;

    for (const row of rows) {
      const history = (versions.get(row.id) ?? []).map(toVersion);
      const verdict = history.find((v) => v.id === row.verdictId) ?? null;
      yield {
        id: row.id,
        slug: row.slug,
        statement: row.statement,
        quote: row.quote,
        prefix: row.prefix,
        suffix: row.suffix,
        start: row.start,
        end: row.end,
        revision: row.revision,
        anchorStatus: row.anchorStatus,
        claimedAt: row.claimedAt,
        createdAt: instantOf(row.createdAt),
        updatedAt: instantOf(row.updatedAt),
        document: {
          id: row.documentId,
          slug: row.documentSlug,
          title: row.documentTitle,
          sourceUrl: row.documentSourceUrl,
          publisher: row.documentPublisher,
          author: row.documentAuthor,
          publishedAt: row.documentPublishedAt,
          language: row.documentLanguage,
        },
        claimant: {
          id: row.claimantId,
          slug: row.claimantSlug,
          name: row.claimantName,
          description: row.claimantDescription,
          sameAs: row.claimantSameAs,
          kind: row.claimantKind,
        },
        disputes: (disputes.get(row.id) ?? []).map(({ claimId: _, ...d }) => d),
        verdict,
        published: verdict?.state === "published",
        firstPublishedAt: instantOf(row.firstPublishedAt),
        versions: history,
        evidence: liveEvidence
          ? (liveEvidence.get(row.id) ?? []).map(({ claimId: _, ...e }) => e)
          : row.snapshot
            ? (JSON.parse(row.snapshot) as EvidenceSnapshotItem[])
            : [],
      };
    }
    if (rows.length < BATCH) return;
    after = last;
  }
}

/** How many claims an export of this scope holds (for the collection's `total` and the export page). */
export async function countClaimsForExport(scope: ExportScope, mode: ExportMode): Promise<number> {
  const { join, where } = scoped(scope, mode);
  const row = await queryRow<{ n: number }>(
    getDb(),
    sql`select count(*) as n from claims c ${join} where ${sql.join([sql`true`, ...where], sql` and `)}`,
  );
  return row?.n ?? 0;
}

export type ExportDispute = {
  id: number;
  slug: string;
  question: string;
  eventDate: string | null;
  description: string | null;
  accounts: {
    claimId: number;
    label: string;
    claimantName: string;
    statement: string;
    rating: RatingView | null;
    hasVerdict: boolean;
    published: boolean;
  }[];
};

/** The disputes with accounts in scope, each with those accounts, for the report's side-by-side view. */
export async function disputesForExport(scope: ExportScope, mode: ExportMode): Promise<ExportDispute[]> {
  const { join, where } = scoped(scope, mode);
  const rows = await queryRows<
    { id: number; slug: string; question: string; eventDate: string | null; description: string | null } & Omit<
      ExportDispute["accounts"][number],
      "published" | "hasVerdict" | "rating"
    > &
      RatingColumns & { state: string | null }
  >(
    getDb(),
    sql`
    select d.id as id, d.slug as slug, d.question as question, d.event_date as "eventDate", d.description as description,
      c.id as "claimId", da.label as label, cl.name as "claimantName", c.statement as statement, ${RATING_COLUMNS}, v.state as state
    from dispute_accounts da
    join disputes d on d.id = da.dispute_id
    join claims c on c.id = da.claim_id
    join claimants cl on cl.id = c.claimant_id
    ${join}
    left join ratings r on r.id = v.rating_id
    where ${sql.join([sql`true`, ...where], sql` and `)}
    order by d.id, da.position, da.id`,
  );
  const disputes = new Map<number, ExportDispute>();
  for (const row of rows) {
    const { claimId, label, claimantName, statement, rating, state, ...d } = withRating(row);
    const dispute = disputes.get(d.id) ?? { ...d, accounts: [] };
    dispute.accounts.push({
      claimId,
      label,
      claimantName,
      statement,
      rating,
      hasVerdict: state !== null,
      published: state === "published",
    });
    disputes.set(d.id, dispute);
  }
  return [...disputes.values()];
}

/** Published corrections and retractions of the claims in scope, newest first: the report's corrections log. */
export async function correctionsForExport(scope: ExportScope): Promise<PublicCorrection[]> {
  return listCorrections({ limit: 10_000, claimWhere: claimScope(scope), atWhere: dateRange(scope, sql`at`) });
}

/**
 * The names of the scope's claim, document, dispute and claimant — null where the id or
 * slug matches nothing, or (published work only) nothing published: an export must not tell
 * an anonymous caller that an unpublished record exists, let alone its name.
 */
export async function scopeNames(
  scope: ExportScope,
  mode: ExportMode,
): Promise<{ claim?: string | null; document?: string | null; dispute?: string | null; claimant?: string | null }> {
  const db = getDb();
  const published = (claimsOf: SQL) =>
    mode.includeUnpublished
      ? sql`true`
      : sql`exists (select 1 from claims c join verdicts v on v.claim_id = c.id and v.state = 'published' where ${claimsOf})`;
  const name = async (table: string, column: string, value: string, claimsOf: SQL) =>
    (
      await queryRow<{ name: string }>(
        db,
        sql`select ${sql.raw(column)} as name from ${sql.raw(table)} t where t.id = ${byIdOrSlug(table, value)} and ${published(claimsOf)}`,
      )
    )?.name ?? null;
  return {
    ...(scope.claim ? { claim: await name("claims", "statement", scope.claim, sql`c.id = t.id`) } : {}),
    ...(scope.document
      ? { document: await name("documents", "title", scope.document, sql`c.document_id = t.id`) }
      : {}),
    ...(scope.dispute
      ? {
          dispute: await name(
            "disputes",
            "question",
            scope.dispute,
            sql`c.id in (select claim_id from dispute_accounts where dispute_id = t.id)`,
          ),
        }
      : {}),
    ...(scope.claimant ? { claimant: await name("claimants", "name", scope.claimant, sql`c.claimant_id = t.id`) } : {}),
  };
}
