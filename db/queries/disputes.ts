import { asc, count, desc, eq, inArray, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { containsIgnoringCase } from "@/db/sql";
import {
  claimants,
  claimEvidence,
  claims,
  disputeAccounts,
  disputes,
  documents,
  evidence,
  type Dispute,
  type Stance,
} from "@/db/schema";
import { getVerdictStatuses, type VerdictStatus } from "./claim-status";

/** Disputes, newest first, with how many accounts each has. */
export async function listDisputes(): Promise<
  (Pick<Dispute, "id" | "slug" | "question" | "eventDate" | "updatedAt"> & { accounts: number })[]
> {
  return await getDb()
    .select({
      id: disputes.id,
      slug: disputes.slug,
      question: disputes.question,
      eventDate: disputes.eventDate,
      updatedAt: disputes.updatedAt,
      accounts: count(disputeAccounts.id),
    })
    .from(disputes)
    .leftJoin(disputeAccounts, eq(disputeAccounts.disputeId, disputes.id))
    .groupBy(disputes.id)
    .orderBy(desc(disputes.updatedAt));
}

export type DisputeAccount = {
  claimId: number;
  label: string;
  statement: string;
  quote: string;
  claimant: string;
  documentId: number;
  documentTitle: string;
  verdict: VerdictStatus | null;
};

/** One dispute with its accounts side by side (in their order); null if there is none. */
export async function getDisputeWithAccounts(
  disputeId: number,
): Promise<{ dispute: Dispute; accounts: DisputeAccount[] } | null> {
  const db = getDb();
  const [dispute] = await db.select().from(disputes).where(eq(disputes.id, disputeId)).limit(1);
  if (!dispute) return null;
  const rows = await db
    .select({
      claimId: claims.id,
      label: disputeAccounts.label,
      statement: claims.statement,
      quote: claims.quote,
      claimant: claimants.name,
      documentId: documents.id,
      documentTitle: documents.title,
    })
    .from(disputeAccounts)
    .innerJoin(claims, eq(claims.id, disputeAccounts.claimId))
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(eq(disputeAccounts.disputeId, disputeId))
    .orderBy(asc(disputeAccounts.position));
  const statuses = await getVerdictStatuses(rows.map((r) => r.claimId));
  return { dispute, accounts: rows.map((r) => ({ ...r, verdict: statuses.get(r.claimId) ?? null })) };
}

/** Claims from any document whose statement, quote or claimant matches `q` (to add as accounts). */
export async function searchClaims(q: string, limit = 20) {
  return getDb()
    .select({ id: claims.id, statement: claims.statement, claimant: claimants.name, documentTitle: documents.title })
    .from(claims)
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(
      or(
        containsIgnoringCase(claims.statement, q.trim()),
        containsIgnoringCase(claims.quote, q.trim()),
        containsIgnoringCase(claimants.name, q.trim()),
      ),
    )
    .orderBy(desc(claims.createdAt))
    .limit(limit);
}

export type EvidenceMatrix = {
  items: { evidenceId: number; title: string; url: string }[];
  /** `evidenceId:claimId` → that claim's stance toward the item. */
  stances: Record<string, Stance>;
};

/** The evidence matrix of a dispute: every item linked to any account, and each account's stance. */
export async function getEvidenceMatrix(claimIds: number[]): Promise<EvidenceMatrix> {
  if (claimIds.length === 0) return { items: [], stances: {} };
  const rows = await getDb()
    .select({
      evidenceId: evidence.id,
      title: evidence.title,
      url: evidence.url,
      claimId: claimEvidence.claimId,
      stance: claimEvidence.stance,
    })
    .from(claimEvidence)
    .innerJoin(evidence, eq(evidence.id, claimEvidence.evidenceId))
    .where(inArray(claimEvidence.claimId, claimIds))
    .orderBy(asc(evidence.id));
  const items = [
    ...new Map(rows.map((r) => [r.evidenceId, { evidenceId: r.evidenceId, title: r.title, url: r.url }])).values(),
  ];
  return { items, stances: Object.fromEntries(rows.map((r) => [`${r.evidenceId}:${r.claimId}`, r.stance])) };
}
