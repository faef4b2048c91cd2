import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { updateDocumentText } from "@/lib/services/documents/update-document-text";

/** `{text, baseRevision}` → a new revision with every claim re-anchored; 409 if `baseRevision` is stale. */
export const PUT = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const result = await updateDocumentText(actor, { ...(await readJsonObject(req)), documentId: params.id });
  return result;
});
