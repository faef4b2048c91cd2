import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryRow, queryRows } from "@/db/sql";
import { untilDataChanges } from "@/db/queries/read-cache";
import {
  instantOf,
  RATING_COLUMNS,
  ratingOf,
  withRating,
  type RatingColumns,
  type RatingView,
} from "@/db/queries/shapes";
import type { EvidenceSnapshotItem, Stance } from "@/db/schema";
import { anchorExactly, CodePointIndex, type SpanSelectors } from "@/lib/anchoring";
import {
  HAS_PUBLISHED_ACCOUNT,
  PUBLISHED,
  PUBLISHED_CLAIMANT,
  PUBLISHED_LANGUAGES,
  type PublishedLanguages,
} from "./published";

// The public pages of disputes, claimants and documents: each as its current published version, with the published
// verdicts that show it (`./published.ts`), never the desk's working copy; null when nothing of it is public.

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
} & PublishedLanguages;

/** A published change to a claimant, document or dispute that came with a public note. */
export type PublicUpdate = { at: Date; note: string };

/** The public notes of a record's published versions, newest first. */
async function publicUpdates(table: "claimant_versions" | "document_versions" | "dispute_versions", id: number) {
  const column = sql.raw(table.replace("_versions", "_id"));
  const rows = await queryRows<{ at: number; note: string }>(
    getDb(),
    sql`select created_at as at, note from ${sql.raw(table)} where ${column} = ${id} and note is not null order by seq desc`,
  );
  return rows.map((r): PublicUpdate => ({ at: instantOf(r.at), note: r.note }));
}

/** A dispute as published, with its published accounts; null if none of them is published. */
export async function getPublicDispute(slug: string) {
  const db = getDb();
  const dispute = await queryRow<{
    id: number;
    versionId: number;
    slug: string;
    question: string;
    description: string | null;
    eventDate: string | null;
  }>(
    db,
    sql`select dispute_id as id, id as "versionId", slug, question, description, event_date as "eventDate"
      from dispute_versions where slug = ${slug} and superseded_at is null`,
  );
  if (!dispute) return null;
  const rows = await queryRows<
    Omit<PublicAccount, "evidence" | "rating"> & RatingColumns & { evidence: string | null }
  >(
    db,
    sql`
    select c.slug as "claimSlug", da.label as label, pc.statement as statement, pc.quote as quote,
      cl.name as "claimantName", cl.slug as "claimantSlug", ${RATING_COLUMNS},
      v.summary as summary, v.evidence_snapshot as evidence, ${PUBLISHED_LANGUAGES}
    from dispute_version_accounts da join claims c on c.id = da.claim_id ${PUBLISHED} ${PUBLISHED_CLAIMANT}
    where da.dispute_version_id = ${dispute.versionId} order by da.position`,
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
  return {
    dispute,
    accounts,
    matrix: { items: [...items.values()], stances },
    updates: await publicUpdates("dispute_versions", dispute.id),
  };
}

/** Published disputes with at least one published account, most recently published first. */
export async function listPublicDisputes(limit = 20) {
  return untilDataChanges(`disputes:${limit}`, () => readPublicDisputes(limit));
}

async function readPublicDisputes(limit: number) {
  return queryRows<{ slug: string; question: string; eventDate: string | null; accounts: number }>(
    getDb(),
    sql`
    select dv.slug as slug, dv.question as question, dv.event_date as "eventDate",
      (select count(*) from dispute_version_accounts da join verdicts v on v.claim_id = da.claim_id and v.state = 'published'
        where da.dispute_version_id = dv.id) as accounts
    from dispute_versions dv
    where dv.superseded_at is null and ${HAS_PUBLISHED_ACCOUNT}
    order by dv.created_at desc, dv.id desc limit ${limit}`,
  );
}

/** A claimant as published, with counts by rating and the verdicts; null if nothing of theirs is published. */
export async function getPublicClaimant(slug: string) {
  const db = getDb();
  const claimant = await queryRow<{
    id: number;
    slug: string;
    name: string;
    description: string | null;
    sameAs: string | null;
  }>(
    db,
    sql`select claimant_id as id, slug, name, description, same_as as "sameAs"
      from claimant_versions where slug = ${slug} and superseded_at is null`,
  );
  if (!claimant) return null;
  const rows = await queryRows<
    { slug: string; statement: string; summary: string; publishedAt: number } & PublishedLanguages & RatingColumns
  >(
    db,
    sql`
    select c.slug as slug, pc.statement as statement, ${RATING_COLUMNS}, v.summary as summary, v.published_at as "publishedAt",
      ${PUBLISHED_LANGUAGES}
    from claims c ${PUBLISHED} where pc.claimant_id = ${claimant.id} order by v.published_at desc, v.id desc`,
  );
  if (rows.length === 0) return null;
  const claims = rows.map((r) => ({ ...withRating(r), publishedAt: instantOf(r.publishedAt) }));
  // Versions of one rating that differ only in their translations count together (with one version's words).
  const counts = await queryRows<RatingColumns & { n: number }>(
    db,
    sql`
    select r.key as "ratingKey", r.label as "ratingLabel", r.colour as "ratingColour", r.ordinal as "ratingOrdinal",
      max(r.translations) as "ratingTranslations", count(*) as n
    from claims c ${PUBLISHED} join ratings scale on scale.id = r.rating_id
    where pc.claimant_id = ${claimant.id}
    group by r.key, r.label, r.colour, r.ordinal order by min(scale.position), r.label`,
  );
  return {
    claimant,
    claims,
    counts: counts.map((c) => ({ rating: ratingOf(c)!, n: c.n })),
    updates: await publicUpdates("claimant_versions", claimant.id),
  };
}

/** A document as published, with its published text and published claims to highlight; null if none is published. */
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
    language: string | null;
    text: string;
    revision: number;
  }>(
    db,
    sql`
    select d.document_id as id, d.slug as slug, d.title as title, d.source_url as "sourceUrl", d.publisher as publisher,
      d.author as author, d.published_at as "publishedAt", d.language as language, dr.text as text, dr.revision as revision
    from document_versions d join document_revisions dr on dr.document_id = d.document_id and dr.revision = d.revision
    where d.slug = ${slug} and d.superseded_at is null`,
  );
  if (!doc) return null;
  const rows = await queryRows<
    { slug: string; statement: string; claimantName: string } & RatingColumns &
      Omit<SpanSelectors, "exact"> & {
        quote: string;
        revision: number;
      }
  >(
    db,
    sql`
    select c.slug as slug, pc.statement as statement, cl.name as "claimantName", ${RATING_COLUMNS},
      pc.quote as quote, pc.prefix as prefix, pc.suffix as suffix, pc.revision as revision, pc.start as start, pc."end" as "end"
    from claims c ${PUBLISHED} ${PUBLISHED_CLAIMANT}
    where c.document_id = ${doc.id}`,
  );
  // A published claim is drawn where its published quote stands in the published text: at its published place, or —
  // when the text was edited and published since — where the same words stand in the same context. Nothing of the
  // desk's working copy is read.
  const text = new CodePointIndex(doc.text);
  const claims = rows
    .map(({ quote, prefix, suffix, revision, start, end, ...r }) => {
      const place =
        revision === doc.revision ? { start, end } : anchorExactly(text, { exact: quote, prefix, suffix, start, end });
      return place && { ...withRating(r), start: place.start, end: place.end };
    })
    .filter((r) => r !== null)
    .sort((a, b) => a.start - b.start);
  if (claims.length === 0) return null;
  return {
    doc,
    claims: claims.map(({ slug, start, end, statement, claimantName, rating }) => ({
      slug,
      start,
      end,
      statement,
      claimantName,
      rating,
    })),
    updates: await publicUpdates("document_versions", doc.id),
  };
}
