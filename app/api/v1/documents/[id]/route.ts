import { getEditorDocument } from "@/db/queries/documents";
import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { assertCanReadInternal, found, pathId } from "@/lib/api/read-access";
import { updateDocumentMetadata } from "@/lib/services/documents/update-document-metadata";

/** The document with its current text, revision and every claim with its anchor state. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  await assertCanReadInternal(actor);
  const { doc, text, claims } = found(
    await getEditorDocument(pathId(params.id, "document")),
    `document with id ${params.id}`,
  );
  return { document: { ...doc, revision: doc.currentRevision, text }, claims };
});

export const PATCH = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const document = await updateDocumentMetadata(actor, { ...(await readJsonObject(req)), documentId: params.id });
  return { document };
});
