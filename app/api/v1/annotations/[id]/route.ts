import { claimsForExport } from "@/db/queries/exports";
import { apiRoute } from "@/lib/api/handler";
import { corsPreflight, publicJson } from "@/lib/api/public-response";
import { assertCanReadInternal, found, pathId } from "@/lib/api/read-access";
import { exportSite } from "@/lib/exports/run-export";
import { ANNOTATION_MEDIA_TYPE, buildAnnotation } from "@/lib/exports/w3c";

/**
 * `GET /api/v1/annotations/{claimId}`: one claim as a W3C Web Annotation — what the `id`
 * of every annotation in a W3C export dereferences to. Anyone gets a published claim's;
 * signed-in desk users also get unpublished ones (marked as such).
 */
export const GET = apiRoute<{ id: string }>(({ req, actor, params }) => {
  if (actor) assertCanReadInternal(actor);
  const [record] = claimsForExport(
    { claim: String(pathId(params.id, "annotation")) },
    { includeUnpublished: actor !== null },
  );
  const annotation = buildAnnotation(
    exportSite(),
    found(record ?? null, `${actor ? "" : "published "}annotation ${params.id}`),
    { context: true },
  );
  if (actor)
    return Response.json(annotation, {
      headers: { "Content-Type": ANNOTATION_MEDIA_TYPE, "Cache-Control": "private, no-store" },
    });
  return publicJson(req, annotation, ANNOTATION_MEDIA_TYPE);
});

export const OPTIONS = corsPreflight;
