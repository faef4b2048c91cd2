import { getOpenApiDocument } from "@/lib/api/openapi/document";

/**
 * `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of the API, generated from the schemas that validate its
 * requests (lib/api/openapi). Public; the same for every caller, so caches may keep it five minutes.
 */
export function GET(): Response {
  return Response.json(getOpenApiDocument(), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
