import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  instantOf,
  ratingOf,
  VERSION_RATING_COLUMNS,
  withRating,
  type RatingColumns,
  type RatingView,
} from "@/db/queries/shapes";
import { queryRow, queryRows } from "@/db/sql";
import { claimScope, dateRange, scoped, type ExportMode, type ExportScope } from "./export-scope";
import { PUBLISHED_ACCOUNTS } from "./public/published";
import type {
  AnchorStatus,
  AppearanceSnapshotItem,
  ClaimantKind,
  EvidenceSnapshotItem,
  VerdictState,
} from "@/db/schema";
import { currentAppearances, publicAppearance, type PublicAppearance } from "./appearances";
import { listCorrections, type PublicCorrection } from "./public/pages";

export type ExportVersion = {
  id: number;
  seq: number;
  state: VerdictState;
  rating: RatingView | null;
  summary: string;
  rationale: string;
  /** The language the summary, rationale and notes are written in (BCP 47): its own, else the claim's. */
  language: string | null;
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
  /** The language the claim was made in, of its statement and quote (BCP 47): its own, else its document's. */
  language: string | null;
  quote: string;
  prefix: string;
  suffix: string;
  /** Code points of the document's canonical text, as W3C TextPositionSelector counts them. */
  start: number;
  end: number;
  revision: number;
  anchorStatus: AnchorStatus;
  claimedAt: string | null;
  /** The claim this one repeats (unpublished work only: a published claim is never a repeat). */
  repeatOf: number | null;
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
  /**
   * Where else the claim was made (its repeats): as published with the verdict (without the desk's ids), or (with
   * unpublished work) as linked now.
   */
  appearances: (AppearanceSnapshotItem | PublicAppearance)[];
};

const BATCH = 1000;

// What an export says of a claim, its claimant and its document: as published (`pc`, `pcl`, `pd`) for a published
// verdict, the desk's working copy (`c`, `cl`, `d`) for unpublished work. [working column, published column, name]
type Fact = [string, string, string];
const CLAIM_COLUMNS: Fact[] = [
  ["c.statement", "pc.statement", "statement"],
  ["c.quote", "pc.quote", "quote"],
  ["c.prefix", "pc.prefix", "prefix"],
  ["c.suffix", "pc.suffix", "suffix"],
  ["c.start", "pc.start", "start"],
  ['c."end"', 'pc."end"', "end"],
  ["c.revision", "pc.revision", "revision"],
  ["c.claimed_at", "pc.claimed_at", "claimedAt"],
  ["coalesce(c.language, d.language)", "coalesce(pc.language, pd.language)", "language"],
];
const CLAIMANT_COLUMNS: Fact[] = [
  ["cl.name", "pcl.name", "claimantName"],
  ["cl.description", "pcl.description", "claimantDescription"],
  ["cl.same_as", "pcl.same_as", "claimantSameAs"],
  ["cl.kind", "pcl.kind", "claimantKind"],
];
const DOCUMENT_COLUMNS: Fact[] = [
  ["d.title", "pd.title", "documentTitle"],
  ["d.source_url", "pd.source_url", "documentSourceUrl"],
  ["d.publisher", "pd.publisher", "documentPublisher"],
  ["d.author", "pd.author", "documentAuthor"],
  ["d.published_at", "pd.published_at", "documentPublishedAt"],
  ["d.language", "pd.language", "documentLanguage"],
];
// A published claim's place is anchored when it is in the published text; the desk's anchoring is its own.
const PUBLISHED_ANCHOR_STATUS = sql.raw(
  `case when pc.id is null then c.anchor_status when pc.revision = pd.revision then 'anchored' else 'fuzzy' end as "anchorStatus"`,
);
const asPublished = (facts: Fact[]) =>
  sql.raw(
    facts
      .map(([working, published, name]) => `case when pc.id is null then ${working} else ${published} end as "${name}"`)
      .join(", "),
  );

type ClaimRow = Omit<
  ExportRecord,
  | "document"
  | "claimant"
  | "disputes"
  | "verdict"
  | "published"
  | "versions"
  | "evidence"
  | "appearances"
  | "createdAt"
  | "updatedAt"
  | "firstPublishedAt"
> & {
  createdAt: number;
  updatedAt: number;
  verdictId: number | null;
  snapshot: string | null;
  appearances: string | null;
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
    language: v.language,
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
      select c.id as id, c.slug as slug, ${asPublished(CLAIM_COLUMNS)}, c.repeat_of as "repeatOf",
        ${PUBLISHED_ANCHOR_STATUS}, c.created_at as "createdAt",
        case when pc.id is null then c.updated_at else v.published_at end as "updatedAt",
        d.id as "documentId", d.slug as "documentSlug", ${asPublished(DOCUMENT_COLUMNS)},
        cl.id as "claimantId", cl.slug as "claimantSlug", ${asPublished(CLAIMANT_COLUMNS)},
        v.id as "verdictId", v.evidence_snapshot as snapshot, v.appearances_snapshot as appearances,
        (select min(v1.published_at) from verdicts v1 where v1.claim_id = c.id and v1.published_at is not null) as "firstPublishedAt"
      from claims c
      ${join}
      join claimants cl on cl.id = coalesce(pc.claimant_id, c.claimant_id)
      left join claimant_versions pcl on pcl.claimant_id = cl.id and pcl.superseded_at is null and pc.id is not null
      join documents d on d.id = c.document_id
      left join document_versions pd on pd.document_id = d.id and pd.superseded_at is null and pc.id is not null
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
        select v.claim_id as "claimId", v.id as id, v.seq as seq, v.state as state, ${VERSION_RATING_COLUMNS},
          v.summary as summary, v.rationale as rationale, v.language as language, v.correction_note as "correctionNote", v.retraction_reason as "retractionReason",
          a.name as "authorName", rv.name as "reviewerName", v.submitted_at as "submittedAt", v.published_at as "publishedAt",
          v.retracted_at as "retractedAt", v.updated_at as "updatedAt"
        from verdicts v
        join users a on a.id = v.author_id
        left join users rv on rv.id = v.reviewer_id
        left join ratings r on r.id = v.rating_id
        left join rating_versions pr on pr.id = v.rating_version_id
        where v.claim_id ${inBatch} ${internal ? sql`` : sql`and v.state = 'published'`}
        order by v.claim_id, v.seq`,
      ),
    );
    const disputes = groupBy(
      await queryRows<{ claimId: number; id: number; slug: string; question: string; label: string }>(
        db,
        sql`
        select da.claim_id as "claimId", dv.dispute_id as id, dv.slug as slug, dv.question as question, da.label as label
        from ${PUBLISHED_ACCOUNTS} where da.claim_id ${inBatch}
        ${
          internal
            ? sql`union all
        select da.claim_id, d.id, d.slug, d.question, da.label from dispute_accounts da join disputes d on d.id = da.dispute_id
        where da.claim_id ${inBatch} and not exists (select 1 from verdicts v where v.claim_id = da.claim_id and v.state = 'published')`
            : sql``
        }
        order by 1, 2`,
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
    const liveAppearances = internal
      ? await currentAppearances(
          db,
          rows.map((r) => r.id),
        )
      : null;

    for (const row of rows) {
      const history = (versions.get(row.id) ?? []).map((v) => ({
        ...toVersion(v),
        language: v.language ?? row.language,
      }));
      const verdict = history.find((v) => v.id === row.verdictId) ?? null;
      yield {
        id: row.id,
        slug: row.slug,
        statement: row.statement,
        language: row.language,
        quote: row.quote,
        prefix: row.prefix,
        suffix: row.suffix,
        start: row.start,
        end: row.end,
        revision: row.revision,
        anchorStatus: row.anchorStatus,
        claimedAt: row.claimedAt,
        repeatOf: row.repeatOf === null ? null : Number(row.repeatOf),
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
        appearances: liveAppearances
          ? (liveAppearances.get(row.id) ?? [])
          : row.appearances
            ? (JSON.parse(row.appearances) as AppearanceSnapshotItem[]).map(publicAppearance)
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
    select ${
      mode.includeUnpublished
        ? sql`d.id as id, d.slug as slug, d.question as question, d.event_date as "eventDate", d.description as description`
        : sql`dv.dispute_id as id, dv.slug as slug, dv.question as question, dv.event_date as "eventDate", dv.description as description`
    },
      c.id as "claimId", da.label as label, case when pc.id is null then cl.name else pcl.name end as "claimantName",
      case when pc.id is null then c.statement else pc.statement end as statement, ${VERSION_RATING_COLUMNS}, v.state as state
    from ${mode.includeUnpublished ? sql`dispute_accounts da join disputes d on d.id = da.dispute_id` : PUBLISHED_ACCOUNTS}
    join claims c on c.id = da.claim_id
    ${join}
    join claimants cl on cl.id = c.claimant_id
    left join claimant_versions pcl on pcl.claimant_id = pc.claimant_id and pcl.superseded_at is null
    left join ratings r on r.id = v.rating_id
    left join rating_versions pr on pr.id = v.rating_version_id
    where ${sql.join([sql`true`, ...where], sql` and `)}
    order by 1, da.position, da.id`,
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
