import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { claimants, claims, documentRevisions, documents, type AnchorStatus, type Document } from "@/db/schema";
import { getClaimDisputes, getVerdictStatuses, type ClaimDispute, type VerdictStatus } from "./claim-status";

export type DocumentListItem = Pick<Document, "id" | "slug" | "title" | "publisher" | "publishedAt" | "updatedAt"> & {
  claims: number;
  needsAttention: number;
};

/** Documents, most recently changed first, with their claim counts. */
export async function listDocuments(limit = 200): Promise<DocumentListItem[]> {
  return await getDb()
    .select({
      id: documents.id,
      slug: documents.slug,
      title: documents.title,
      publisher: documents.publisher,
      publishedAt: documents.publishedAt,
      updatedAt: documents.updatedAt,
      claims: count(claims.id),
      needsAttention: sql<number>`count(*) filter (where ${claims.anchorStatus} != 'anchored')`.mapWith(Number),
    })
    .from(documents)
    .leftJoin(claims, eq(claims.documentId, documents.id))
    .groupBy(documents.id)
    .orderBy(desc(documents.updatedAt))
    .limit(limit);
}

export type EditorClaim = {
  id: number;
  slug: string;
  version: number;
  revision: number;
  /** Offsets in the current text; null for an orphaned claim (its old offsets belong to an older revision). */
  start: number | null;
  end: number | null;
  quote: string;
  statement: string;
  /** The language it was made in: its own, else its document's. */
  language: string | null;
  claimedAt: string | null;
  anchorStatus: AnchorStatus;
  claimant: { id: number; name: string };
  /** The verdict's status: for a repeat, the verdict of the claim it repeats. */
  verdict: VerdictStatus | null;
  disputes: ClaimDispute[];
  /** The claim this one repeats (sharing its verdict), if it is a repeat. */
  repeatOf: number | null;
};

/** A claim with a place in the current text (not orphaned). */
export type PlacedClaim = EditorClaim & { start: number; end: number };

export type EditorDocument = { doc: Document; text: string; claims: EditorClaim[] };

/** A document with its current text and every claim (in text order), for the annotator and the API. */
export async function getEditorDocument(documentId: number): Promise<EditorDocument | null> {
  const db = getDb();
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId)).limit(1);
  if (!doc) return null;
  const text = (await getRevisionText(doc.id, doc.currentRevision))!;
  const rows = await db
    .select({
      id: claims.id,
      slug: claims.slug,
      version: claims.version,
      revision: claims.revision,
      start: claims.start,
      end: claims.end,
      quote: claims.quote,
      statement: claims.statement,
      language: claims.language,
      claimedAt: claims.claimedAt,
      anchorStatus: claims.anchorStatus,
      repeatOf: claims.repeatOf,
      claimantId: claimants.id,
      claimantName: claimants.name,
    })
    .from(claims)
    .innerJoin(claimants, eq(claimants.id, claims.claimantId))
    .where(eq(claims.documentId, doc.id))
    .orderBy(asc(claims.start), asc(claims.id));
  const ids = rows.map((r) => r.id);
  const repeated = rows.flatMap((r) => (r.repeatOf === null ? [] : [r.repeatOf]));
  const [statuses, disputes] = await Promise.all([
    getVerdictStatuses([...new Set([...ids, ...repeated])]),
    getClaimDisputes(ids),
  ]);
  return {
    doc,
    text,
    claims: rows.map(({ claimantId, claimantName, ...c }) => ({
      ...c,
      language: c.language ?? doc.language,
      ...(c.anchorStatus === "orphaned" ? { start: null, end: null } : {}),
      claimant: { id: claimantId, name: claimantName },
      verdict: statuses.get(c.repeatOf ?? c.id) ?? null,
      disputes: disputes.get(c.id) ?? [],
    })),
  };
}

/** The text of one revision of a document, or null. */
export async function getRevisionText(documentId: number, revision: number): Promise<string | null> {
  const [row] = await getDb()
    .select({ text: documentRevisions.text })
    .from(documentRevisions)
    .where(and(eq(documentRevisions.documentId, documentId), eq(documentRevisions.revision, revision)))
    .limit(1);
  return row?.text ?? null;
}
