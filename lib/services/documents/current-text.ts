import { and, eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { documentRevisions, documents, users, type Document } from "@/db/schema";
import { fieldIssue, ServiceError } from "@/lib/services/errors";
import { text } from "@/lib/i18n/text";

/** A document with the text of its current revision; 404 if there is no such document. */
export async function getDocumentText(db: DB | Tx, documentId: number): Promise<{ doc: Document; text: string }> {
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId)).limit(1);
  if (!doc)
    throw new ServiceError("not_found", text("errors.documents.notFound", { id: documentId }), [
      fieldIssue("documentId", text("validation.notExists")),
    ]);
  const [rev] = await db
    .select({ text: documentRevisions.text })
    .from(documentRevisions)
    .where(and(eq(documentRevisions.documentId, doc.id), eq(documentRevisions.revision, doc.currentRevision)))
    .limit(1);
  return { doc, text: rev!.text };
}

/** Refuses work based on an older revision of the document (409), saying who changed the text and when. */
export async function assertCurrentRevision(db: DB | Tx, doc: Document, revision: number): Promise<void> {
  if (doc.currentRevision === revision) return;
  const [latest] = await db
    .select({ at: documentRevisions.createdAt, name: users.name })
    .from(documentRevisions)
    .leftJoin(users, eq(users.id, documentRevisions.createdBy))
    .where(and(eq(documentRevisions.documentId, doc.id), eq(documentRevisions.revision, doc.currentRevision)))
    .limit(1);
  const revisions = { now: doc.currentRevision, yours: revision };
  const at = latest?.at.toISOString().slice(0, 16).replace("T", " ") ?? "";
  throw new ServiceError(
    "conflict",
    !latest
      ? text("errors.documents.textChanged", revisions)
      : latest.name === null
        ? text("errors.documents.textChangedByCli", { ...revisions, at })
        : text("errors.documents.textChangedBy", { ...revisions, at, name: latest.name }),
  );
}
