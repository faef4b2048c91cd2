import { createHash } from "node:crypto";

/**
 * How long a cache in front (a CDN, nginx, a browser) may keep a public answer: a minute, then 30 s more while it
 * fetches it again — so a retraction reaches every reader within about a minute and a half. Kept pages say the same
 * (`s-maxage=60, stale-while-revalidate=30`: their `revalidate` and next.config.js's `expireTime`).
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=30";

/**
 * A public JSON answer: cacheable for a minute, with an ETag (a matching If-None-Match gets
 * 304), and readable from any origin — never with credentials, so no session can ride along.
 */
export function publicJson(req: Request, body: unknown, contentType = "application/json"): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha1").update(text).digest("base64url")}"`;
  const headers = {
    "Content-Type": contentType,
    "Cache-Control": PUBLIC_CACHE_CONTROL,
    ETag: etag,
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
    Vary: "Authorization, Cookie",
  };
  // If-None-Match may list several tags, weak or strong.
  const sent = (req.headers.get("if-none-match") ?? "").split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (sent.includes(etag) || sent.includes("*")) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers });
}

/** The answer to a CORS preflight for public GET routes. */
export function corsPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Content-Type",
      "Access-Control-Max-Age": "86400",
    },
  });
}
