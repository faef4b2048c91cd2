import { DOCS_CONTENT_SECURITY_POLICY, docsPageHtml } from "@/lib/api/openapi/docs-page";

/** `GET /api/docs`: the API's OpenAPI document (`/api/v1/openapi.json`) for people, with Swagger UI. */
export function GET(): Response {
  return new Response(docsPageHtml(), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": DOCS_CONTENT_SECURITY_POLICY,
      "Cache-Control": "public, max-age=300",
    },
  });
}
