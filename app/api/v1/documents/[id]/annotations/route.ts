import { apiRoute, created, readJsonObject } from "@/lib/api/handler";
import { importAnnotations } from "@/lib/services/documents/import-annotations";

/**
 * `POST /api/v1/documents/{id}/annotations` `{annotations: <W3C file>, claimant?: {id}|{name}}`
 * → `201 {claims: [{claimId, status, reason, …}], counts: {anchored, fuzzy, orphaned}, orphaned: {not_found,
 * too_common, too_long, budget_spent}, notice}`; an invalid file, or one of more than 10,000 annotations, is refused
 * whole (422, every problem listed) and nothing is imported. Quotes left unsearched by the matching limits
 * (`IMPORT_MATCHING_LIMITS`) become orphaned claims, each with its `reason`.
 */
export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const result = await importAnnotations(actor, { ...(await readJsonObject(req)), documentId: params.id });
  return created({ ...result, notice: result.notice && String(result.notice) });
});
