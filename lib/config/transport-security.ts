import type { ServerResponse } from "node:http";

/** One year, this host and its subdomains. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/**
 * Whether Claimdesk's public address (PUBLIC_BASE_URL) is HTTPS. Then its session cookies are always `Secure` (and
 * `__Secure-` named), whatever protocol the request reached the server by — a TLS proxy in front may not say — and
 * every response tells browsers to use HTTPS only (Strict-Transport-Security). Over plain HTTP neither applies.
 */
export function isHttpsBaseUrl(publicBaseUrl: string | undefined): boolean {
  if (!publicBaseUrl || !URL.canParse(publicBaseUrl.trim())) return false;
  return new URL(publicBaseUrl.trim()).protocol === "https:";
}

/** next-auth's `useSecureCookies`: always for an HTTPS public address, else its default (the request's protocol). */
export function secureCookiesOption(publicBaseUrl: string | undefined): true | undefined {
  return isHttpsBaseUrl(publicBaseUrl) ? true : undefined;
}

/** The Strict-Transport-Security header every response carries, or null (not an HTTPS public address). */
export function strictTransportSecurity(publicBaseUrl: string | undefined): string | null {
  return isHttpsBaseUrl(publicBaseUrl) ? STRICT_TRANSPORT_SECURITY : null;
}

/**
 * Makes every response of this process carry a header (unless the response set it itself), whatever sent it: pages,
 * API routes, static files, redirects, errors. next.config.js `headers()` cannot do it: Next fixes those at build
 * time, and PUBLIC_BASE_URL is read when the server starts. Every response's head goes out through `writeHead`
 * (`end()` and `write()` without it call it too). Returns the undo.
 */
export function addHeaderToEveryResponse(
  prototype: Pick<ServerResponse, "writeHead">,
  name: string,
  value: string,
): () => void {
  const writeHead = prototype.writeHead;
  prototype.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent && !this.hasHeader(name)) this.setHeader(name, value);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
  return () => {
    prototype.writeHead = writeHead;
  };
}
