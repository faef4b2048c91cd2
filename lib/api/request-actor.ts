import type { Actor } from "@/lib/auth/actor";
import { ServiceError } from "@/lib/services/errors";
import { verifyApiToken } from "@/lib/services/auth/verify-api-token";

/** Methods that change nothing; everything else is a write. */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who sent an API request: `Authorization: Bearer <token>`, or the session cookie for
 * same-origin requests. A bearer header that does not verify is a 401, never anonymous.
 * A cross-site write carrying the cookie is refused (CSRF).
 */
export async function getRequestActor(req: Request): Promise<Actor | null> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const actor = match ? await verifyApiToken(match[1]!) : null;
    if (!actor)
      throw new ServiceError(
        "unauthenticated",
        "The API token is missing, unknown, revoked, or its account is disabled.",
      );
    return actor;
  }
  if (!/(^|;\s*)(__Secure-)?authjs\.session-token/.test(req.headers.get("cookie") ?? "")) return null;
  if (!SAFE_METHODS.has(req.method) && !isSameOrigin(req)) {
    throw new ServiceError("forbidden", "Cross-site requests with a session cookie are refused; use an API token.");
  }
  const { getCurrentUser } = await import("@/lib/auth/session");
  const user = await getCurrentUser();
  return user?.actor ?? null;
}

function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return req.headers.get("sec-fetch-site") !== "cross-site";
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
