import { docsAsset } from "@/lib/api/openapi/docs-page";

/**
 * `GET /api/docs/{asset}`: Swagger UI's stylesheet and script and the page's start script, by name from a fixed list
 * (any other name is a 404). Their addresses carry their version, so they may be kept a year.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ asset: string }> }): Promise<Response> {
  const asset = await docsAsset((await params).asset);
  if (!asset) return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(asset.body, {
    headers: {
      "Content-Type": asset.type,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
