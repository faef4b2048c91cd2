import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/config";
import { claimsViewPath } from "@/lib/public/claims-view-path";

// Auth.js's session cookie, plain or `__Secure-` over HTTPS, possibly split into chunks.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * `/claims` with filters, words or dates: rewritten to its kept list or search page (a search asked again is mostly
 * answered before Next sees it: lib/http/kept-searches.ts).
 *
 * Editor and admin pages — an optimistic redirect only: a visit to an editor or admin page without a session cookie
 * goes to the sign-in page and comes back afterwards. The cookie is not verified here —
 * every page and service checks the user itself. (Not using Auth.js's `auth()` wrapper is
 * deliberate: it re-issues the session cookie on every request, and a prefetch still in
 * flight when the user signs out would bring the session back.)
 */
export default function proxy(req: NextRequest) {
  if (req.nextUrl.pathname === "/claims") {
    // Served from its kept page (see claims/list/[filters] and claims/search/[filters]).
    return NextResponse.rewrite(new URL(claimsViewPath(req.nextUrl.searchParams), req.nextUrl.origin));
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

// `/claims` with any view parameter (bare `/claims` is rewritten by next.config.js, without the cost of running this
// function: about 0.6 ms a request). An empty field counts as absent here, as in the form's `?q=&rating=false&…`.
// (Next reads this config as a literal: no shared constants in it.)
export const config = {
  matcher: [
    "/editor/:path*",
    "/admin/:path*",
    { source: "/claims", has: [{ type: "query", key: "q" }] },
    { source: "/claims", has: [{ type: "query", key: "rating" }] },
    { source: "/claims", has: [{ type: "query", key: "claimant" }] },
    { source: "/claims", has: [{ type: "query", key: "dispute" }] },
    { source: "/claims", has: [{ type: "query", key: "from" }] },
    { source: "/claims", has: [{ type: "query", key: "to" }] },
    { source: "/claims", has: [{ type: "query", key: "sort" }] },
    { source: "/claims", has: [{ type: "query", key: "page" }] },
  ],
};
