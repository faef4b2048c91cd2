import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/config";
import { claimsListPath } from "@/lib/public/claims-list-path";

// Auth.js's session cookie, plain or `__Secure-` over HTTPS, possibly split into chunks.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * `/claims` without words: rewritten to its kept list page.
 *
 * Editor and admin pages — an optimistic redirect only: a visit to an editor or admin page without a session cookie
 * goes to the sign-in page and comes back afterwards. The cookie is not verified here —
 * every page and service checks the user itself. (Not using Auth.js's `auth()` wrapper is
 * deliberate: it re-issues the session cookie on every request, and a prefetch still in
 * flight when the user signs out would bring the session back.)
 */
export default function proxy(req: NextRequest) {
  if (req.nextUrl.pathname === "/claims") {
    // A list without words is served from its kept page (see claims/list/[filters]).
    const kept = claimsListPath(req.nextUrl.searchParams);
    return kept ? NextResponse.rewrite(new URL(kept, req.nextUrl.origin)) : NextResponse.next();
  }
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

// `/claims` with filters but no words or dates (bare `/claims` is rewritten by next.config.js, without
// the cost of running this function: about 1.5 ms a request).
// An empty field counts as absent here, as in the form's `?q=&rating=false&…`.
// (Next reads this config as a literal: no shared constants in it.)
export const config = {
  matcher: [
    "/editor/:path*",
    "/admin/:path*",
    { source: "/claims", has: [{ type: "query", key: "rating" }], missing: [{ type: "query", key: "q" }] },
    { source: "/claims", has: [{ type: "query", key: "claimant" }], missing: [{ type: "query", key: "q" }] },
    { source: "/claims", has: [{ type: "query", key: "dispute" }], missing: [{ type: "query", key: "q" }] },
    { source: "/claims", has: [{ type: "query", key: "sort" }], missing: [{ type: "query", key: "q" }] },
    { source: "/claims", has: [{ type: "query", key: "page" }], missing: [{ type: "query", key: "q" }] },
  ],
};
