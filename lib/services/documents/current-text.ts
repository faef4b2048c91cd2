import { and, eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { documentRevisions, documents, users, type Document } from "@/db/schema";
import { ServiceError } from "@/lib/services/errors";

/** A document with the text of its current revision; 404 if there is no such document. */
export async function getDocumentText(db: DB | Tx, documentId: number): Promise<{ doc: Document; text: string }> {
  const [doc] = await db.select().from(documents).where(eq(documents.id, documentId)).limit(1);
  if (!doc)
    throw new ServiceError("not_found", `No document with id ${documentId}.`, [
      { path: "documentId", message: "does not exist" },
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
  const by = latest
    ? ` by ${latest.name ?? "the command line"} at ${latest.at.toISOString().slice(0, 16).replace("T", " ")} UTC`
    : "";
  throw new ServiceError(
    "conflict",
    `The document's text was changed${by} (now revision ${doc.currentRevision}, yours was ${revision}). Your work is still in the form: copy it, reload to get the new text, and apply it again.`,
  );
}
