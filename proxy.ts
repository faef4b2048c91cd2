import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/config";

// Auth.js's session cookie, plain or `__Secure-` over HTTPS, possibly split into chunks.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Optimistic redirect only: a visit to an editor or admin page without a session cookie
 * goes to the sign-in page and comes back afterwards. The cookie is not verified here —
 * every page and service checks the user itself. (Not using Auth.js's `auth()` wrapper is
 * deliberate: it re-issues the session cookie on every request, and a prefetch still in
 * flight when the user signs out would bring the session back.)
 */
export default function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname + req.nextUrl.search;
  if (req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) {
    const headers = new Headers(req.headers);
    headers.set(PATH_HEADER, path);
    return NextResponse.next({ request: { headers } });
  }
  const url = new URL("/login", req.nextUrl.origin);
  url.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/editor/:path*", "/admin/:path*"] };
