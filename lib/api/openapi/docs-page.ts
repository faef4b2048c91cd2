import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import swaggerUiPackage from "swagger-ui-dist/package.json";

// `/api/docs`: the OpenAPI document shown to people with Swagger UI, whose files are served from
// node_modules/swagger-ui-dist by name from a fixed list (nothing else of the package, and no path from the request).

/** Where the document is, for the page. */
const DOCUMENT_URL = "/api/v1/openapi.json";
const ASSET_BASE = "/api/docs";

/**
 * Swagger UI's start: the document of this server, no validator badge (it would fetch validator.swagger.io), no `?url=`
 * to show another document. "Try it out" sends requests to this server only (the document's server is relative, and
 * the page's Content-Security-Policy allows no other origin).
 */
const INIT_SCRIPT = `"use strict";
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(DOCUMENT_URL)},
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    queryConfigEnabled: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
`;

type Asset = { type: string; file?: string; body?: string };

/** The files the page loads: the two of Swagger UI's distribution it needs, and its start script. */
const ASSETS: Record<string, Asset> = {
  "swagger-ui.css": { type: "text/css; charset=utf-8", file: "swagger-ui.css" },
  "swagger-ui-bundle.js": { type: "text/javascript; charset=utf-8", file: "swagger-ui-bundle.js" },
  "init.js": { type: "text/javascript; charset=utf-8", body: INIT_SCRIPT },
};

/** Each asset's address changes with its content (the package's version, the script's hash): it may be kept a year. */
const VERSION = {
  package: swaggerUiPackage.version,
  init: createHash("sha256").update(INIT_SCRIPT).digest("base64url").slice(0, 12),
};
const assetUrl = (name: string) => `${ASSET_BASE}/${name}?v=${name === "init.js" ? VERSION.init : VERSION.package}`;

/**
 * The page's own policy: its scripts and styles from this server only (Swagger UI sets some styles inline), images from
 * here or `data:`, requests to this server only, and no framing.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

/** The HTML of `/api/docs`. */
export function docsPageHtml(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Claimdesk API</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="${assetUrl("swagger-ui.css")}">
  </head>
  <body>
    <div id="swagger-ui"><p>Claimdesk API: <a href="${DOCUMENT_URL}">${DOCUMENT_URL}</a></p></div>
    <script src="${assetUrl("swagger-ui-bundle.js")}"></script>
    <script src="${assetUrl("init.js")}"></script>
  </body>
</html>
`;
}

const read = new Map<string, Promise<string>>();

/** An asset of the page by its name, or null for any other name. Files are read once per process. */
export async function docsAsset(name: string): Promise<{ type: string; body: string } | null> {
  if (!Object.hasOwn(ASSETS, name)) return null;
  const asset = ASSETS[name]!;
  if (asset.body !== undefined) return { type: asset.type, body: asset.body };
  let body = read.get(name);
  if (!body) {
    body = readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", asset.file!), "utf8");
    read.set(name, body);
    body.catch(() => read.delete(name));
  }
  return { type: asset.type, body: await body };
}
