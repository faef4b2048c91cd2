import { pagesOf, revalidatePages } from "@/app/_lib/revalidate-public";
import { apiRoute, readJsonObject } from "@/lib/api/handler";
import { updateDocumentText } from "@/lib/services/documents/update-document-text";

/** `{text, baseRevision}` → a new revision with every claim re-anchored; 409 if `baseRevision` is stale. */
export const PUT = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const result = updateDocumentText(actor, { ...(await readJsonObject(req)), documentId: params.id });
  revalidatePages(pagesOf({ documentId: Number(params.id) }));
  return result;
});
