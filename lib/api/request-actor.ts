import type { Actor } from "@/lib/auth/actor";
import { text } from "@/lib/i18n/text";
import { ServiceError } from "@/lib/services/errors";
import { checkApiToken, tokenRefusalMessage } from "@/lib/services/auth/verify-api-token";

/** Methods that change nothing; everything else is a write. */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who sent an API request: `Authorization: Bearer <token>`, or the session cookie for
 * same-origin requests. A bearer header that does not verify is a 401, never anonymous, and
 * says why (unknown, revoked, expired, account disabled). A token of scope `read` may only
 * make safe requests: any other method is a 403 here, for every route, before the route
 * reads the body. A cross-site write carrying the cookie is refused (CSRF).
 */
export async function getRequestActor(req: Request): Promise<Actor | null> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const check = match ? await checkApiToken(match[1]!) : ({ ok: false, reason: "unknown" } as const);
    if (!check.ok) throw new ServiceError("unauthenticated", tokenRefusalMessage(check));
    if (check.actor.token.scope === "read" && !SAFE_METHODS.has(req.method)) {
      throw new ServiceError("forbidden", text("errors.api.readOnlyToken", { method: req.method }));
    }
    return check.actor;
  }
  if (!/(^|;\s*)(__Secure-)?authjs\.session-token/.test(req.headers.get("cookie") ?? "")) return null;
  if (!SAFE_METHODS.has(req.method) && !isSameOrigin(req)) {
    throw new ServiceError("forbidden", text("errors.api.crossSite"));
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
