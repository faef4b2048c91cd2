import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { containsIgnoringCase } from "@/db/sql";
import {
  auditEvents,
  claimants,
  claimEvidence,
  claimantVersions,
  claims,
  claimVersions,
  comments,
  documents,
  evidence,
  ratings,
  users,
  verdicts,
} from "@/db/schema";
import { currentAppearances } from "./appearances";
import { getClaimDisputes } from "./claim-status";
import { ratingColumns, withRating } from "@/db/queries/shapes";

const reviewers = alias(users, "reviewers");

/** Everything the claim page shows an editor: the claim, its evidence, every verdict version, comments and timeline. */
export async function getClaimForEditor(claimId: number) {
  const db = getDb();
  const [claim] = await db
    .select({
      id: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      /** The language the claim was made in: its own, else its document's (`ownLanguage`: its own only). */
      language: sql<string | null>`coalesce(${claims.language}, ${documents.language})`,
      ownLanguage: claims.language,
      documentLanguage: documents.language,
      quote: claims.quote,
      prefix: claims.prefix,
      suffix: claims.suffix,
      claimedAt: claims.claimedAt,
      anchorStatus: claims.anchorStatus,
      version: claims.version,
      repeatOf: claims.repeatOf,
      documentId: documents.id,
      documentTitle: documents.title,
      claimant: { id: claimants.id, name: claimants.name, description: claimants.description },
    })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .where(eq(claims.id, claimId))
    .limit(1);
  if (!claim) return null;

  const evidenceLinks = await db
    .select({
      evidenceId: evidence.id,
      stance: claimEvidence.stance,
      linkNote: claimEvidence.note,
      url: evidence.url,
      archiveUrl: evidence.archiveUrl,
      title: evidence.title,
      publisher: evidence.publisher,
      publishedAt: evidence.publishedAt,
      excerpt: evidence.excerpt,
      sourceType: evidence.sourceType,
      note: evidence.note,
      version: evidence.version,
    })
    .from(claimEvidence)
    .innerJoin(evidence, eq(evidence.id, claimEvidence.evidenceId))
    .where(eq(claimEvidence.claimId, claimId))
    .orderBy(asc(claimEvidence.id));

  const versions = await db
    .select({
      id: verdicts.id,
      seq: verdicts.seq,
      state: verdicts.state,
      version: verdicts.version,
      ratingId: verdicts.ratingId,
      ...ratingColumns,
      summary: verdicts.summary,
      rationale: verdicts.rationale,
      /** The verdict's own language (null: the claim's). */
      language: verdicts.language,
      correctionNote: verdicts.correctionNote,
      retractionReason: verdicts.retractionReason,
      evidenceSnapshot: verdicts.evidenceSnapshot,
      appearancesSnapshot: verdicts.appearancesSnapshot,
      authorId: verdicts.authorId,
      authorName: users.name,
      reviewerName: reviewers.name,
      submittedAt: verdicts.submittedAt,
      publishedAt: verdicts.publishedAt,
      retractedAt: verdicts.retractedAt,
      updatedAt: verdicts.updatedAt,
    })
    .from(verdicts)
    .innerJoin(users, eq(users.id, verdicts.authorId))
    .leftJoin(reviewers, eq(reviewers.id, verdicts.reviewerId))
    .leftJoin(ratings, eq(ratings.id, verdicts.ratingId))
    .where(eq(verdicts.claimId, claimId))
    .orderBy(asc(verdicts.seq));

  const thread = await db
    .select({
      id: comments.id,
      kind: comments.kind,
      body: comments.body,
      createdAt: comments.createdAt,
      author: users.name,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.claimId, claimId))
    .orderBy(asc(comments.createdAt), asc(comments.id));

  const verdictIds = versions.map((v) => v.id);
  const evidenceIds = evidenceLinks.map((e) => e.evidenceId);
  const timeline = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      actor: auditEvents.actorLabel,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      or(
        and(eq(auditEvents.entityType, "claim"), eq(auditEvents.entityId, claimId)),
        verdictIds.length
          ? and(eq(auditEvents.entityType, "verdict"), inArray(auditEvents.entityId, verdictIds))
          : undefined,
        evidenceIds.length
          ? and(eq(auditEvents.entityType, "evidence"), inArray(auditEvents.entityId, evidenceIds))
          : undefined,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(200);

  return {
    claim,
    readersSee: await claimFactsReadersSee(claimId, claim),
    evidence: evidenceLinks,
    versions: versions.map(withRating),
    comments: thread,
    timeline,
    disputes: (await getClaimDisputes([claimId])).get(claimId) ?? [],
    repeats: await repeatsOnDesk(claimId, claim.repeatOf, versions),
  };
}

/**
 * The claim's repeat links on the desk: the claim it repeats (with that one's verdict), or its own repeats, each marked
 * with whether readers see it (in the published verdict version's appearances) yet.
 */
async function repeatsOnDesk(
  claimId: number,
  repeatOf: number | null,
  versions: { state: string; appearancesSnapshot: { claimId: number }[] | null }[],
) {
  const [original] =
    repeatOf === null
      ? []
      : await getDb()
          .select({ id: claims.id, statement: claims.statement, documentTitle: documents.title })
          .from(claims)
          .innerJoin(documents, eq(documents.id, claims.documentId))
          .where(eq(claims.id, repeatOf))
          .limit(1);
  const published = new Set(
    (versions.find((v) => v.state === "published")?.appearancesSnapshot ?? []).map((a) => a.claimId),
  );
  const appearances = ((await currentAppearances(getDb(), [claimId])).get(claimId) ?? []).map((a) => ({
    ...a,
    published: published.has(a.claimId),
  }));
  // Published earlier, unlinked since: readers still see them until the next version is published.
  const leaving = [...published].filter((id) => !appearances.some((a) => a.claimId === id)).length;
  return { of: original ?? null, appearances, leaving };
}

/** One fact of a claim whose desk copy differs from what readers see next to its verdict. */
export type ClaimFactChange = { label: string; live: string | null; pending: string | null };

/**
 * The claim's statement, claimant, date and quote as readers see them next to its published (or retracted) verdict,
 * where the desk's copy differs: what the correction in the works will publish. Empty when nothing is public.
 */
async function claimFactsReadersSee(
  claimId: number,
  working: { statement: string; quote: string; claimedAt: string | null; claimant: { id: number; name: string } },
): Promise<ClaimFactChange[]> {
  const [live] = await getDb()
    .select({
      statement: claimVersions.statement,
      quote: claimVersions.quote,
      claimedAt: claimVersions.claimedAt,
      claimantId: claimVersions.claimantId,
      claimant: claimantVersions.name,
    })
    .from(verdicts)
    .innerJoin(claimVersions, eq(claimVersions.id, verdicts.claimVersionId))
    .innerJoin(
      claimantVersions,
      and(eq(claimantVersions.claimantId, claimVersions.claimantId), isNull(claimantVersions.supersededAt)),
    )
    .where(and(eq(verdicts.claimId, claimId), inArray(verdicts.state, ["published", "retracted"])))
    .orderBy(desc(verdicts.seq))
    .limit(1);
  if (!live) return [];
  const facts: ClaimFactChange[] = [
    { label: "Statement", live: live.statement, pending: working.statement },
    // Who made it: another claimant, not the same one's name (its changes are the claimant's own to publish).
    ...(live.claimantId !== working.claimant.id
      ? [{ label: "Claimant", live: live.claimant, pending: working.claimant.name }]
      : []),
    { label: "Date", live: live.claimedAt, pending: working.claimedAt },
    { label: "Quote", live: live.quote, pending: working.quote },
  ];
  return facts.filter((f) => f.live !== f.pending);
}

export type ClaimForEditor = NonNullable<Awaited<ReturnType<typeof getClaimForEditor>>>;
export type VerdictVersion = ClaimForEditor["versions"][number];
export type EvidenceLink = ClaimForEditor["evidence"][number];

/** Evidence items whose title, URL or publisher matches `q`, to link to another claim. */
export async function searchEvidence(q: string, limit = 10) {
  return getDb()
    .select({ id: evidence.id, title: evidence.title, url: evidence.url, publisher: evidence.publisher })
    .from(evidence)
    .where(or(...[evidence.title, evidence.url, evidence.publisher].map((c) => containsIgnoringCase(c, q.trim()))))
    .orderBy(desc(evidence.createdAt))
    .limit(limit);
}
