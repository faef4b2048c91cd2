import { claimsForExport, type ExportRecord } from "@/db/queries/exports";
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
export const GET = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  if (actor) await assertCanReadInternal(actor);
  let record: ExportRecord | undefined;
  for await (const r of claimsForExport(
    { claim: String(pathId(params.id, "annotation")) },
    { includeUnpublished: actor !== null },
  )) {
    record = r;
    break;
  }
  const annotation = buildAnnotation(
    await exportSite(),
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
