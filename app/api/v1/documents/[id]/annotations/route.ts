import { apiRoute, created, readJsonObject } from "@/lib/api/handler";
import { importAnnotations } from "@/lib/services/documents/import-annotations";

/**
 * `POST /api/v1/documents/{id}/annotations` `{annotations: <W3C file>, claimant?: {id}|{name}}`
 * → `201 {claims: [{claimId, status, …}], counts: {anchored, fuzzy, orphaned}}`; an invalid
 * file is refused whole (422, every problem listed) and nothing is imported.
 */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  created(await importAnnotations(actor, { ...(await readJsonObject(req)), documentId: params.id })),
);
