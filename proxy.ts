import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/config";
import { DEFAULT_LOCALE, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { localizedPath, readerLocale, splitLocale } from "@/lib/i18n/public-path";
import { claimsViewPath, VIEW_KEYS } from "@/lib/public/claims-view-path";

// Auth.js's session cookie, plain or `__Secure-` over HTTPS, possibly split into chunks.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Editor and admin pages — an optimistic redirect only: a visit to an editor or admin page without a session cookie
 * goes to the sign-in page and comes back afterwards. The cookie is not verified here — every page and service checks
 * the user itself. (Not using Auth.js's `auth()` wrapper is deliberate: it re-issues the session cookie on every
 * request, and a prefetch still in flight when the user signs out would bring the session back.)
 *
 * The default locale's public pages asked for under its prefix (`/en/claims`): sent to their address without it.
 *
 * Public pages without a locale in their address, from a reader who chose another language in the switcher or whose
 * browser prefers one: sent to the page in that language (a temporary redirect, kept by no cache).
 *
 * `/claims` with filters, words or dates, in any locale: rewritten to its kept list or search page (a search asked
 * again is mostly answered before Next sees it: lib/http/kept-searches.ts).
 */
export default function proxy(req: NextRequest) {
  const { pathname, search, searchParams } = req.nextUrl;
  // Not `nextUrl.origin`: it names 127.0.0.1 `localhost`, and Next would fetch a rewrite to another host over HTTP.
  const origin = new URL(req.url).origin;
  if (pathname.startsWith("/editor") || pathname.startsWith("/admin")) return deskPage(req);
  if (pathname === `/${DEFAULT_LOCALE}` || pathname.startsWith(`/${DEFAULT_LOCALE}/`)) {
    // The default locale's pages have one address: without the prefix.
    return NextResponse.redirect(new URL(onSite(pathname.slice(DEFAULT_LOCALE.length + 1)) + search, origin), 308);
  }
  const { locale, path, prefixed } = splitLocale(pathname);
  if (!prefixed) {
    const wanted = readerLocale(req.cookies.get(LOCALE_COOKIE)?.value, req.headers.get("accept-language"));
    if (wanted !== DEFAULT_LOCALE) {
      const response = NextResponse.redirect(new URL(localizedPath(wanted, onSite(path)) + search, origin));
      response.headers.set("Cache-Control", "private, no-store");
      response.headers.set("Vary", "Cookie, Accept-Language");
      return response;
    }
  }
  if (path === "/claims" && VIEW_KEYS.some((key) => searchParams.has(key))) {
    // Served from its kept page (see [locale]/claims/list/[filters] and [locale]/claims/search/[filters]).
    return NextResponse.rewrite(new URL(`/${locale}${claimsViewPath(searchParams)}`, origin));
  }
  return NextResponse.next();
}

/** A path that stays on this site: never `//host/…` (which a Location header would take for another host). */
const onSite = (path: string) => "/" + path.replace(/^[/\\]+/, "");

function deskPage(req: NextRequest) {
  const path = req.nextUrl.pathname + req.nextUrl.search;
  if (req.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) {
    const headers = new Headers(req.headers);
    headers.set(PATH_HEADER, path);
    return NextResponse.next({ request: { headers } });
  }
  const url = new URL("/login", req.url);
  url.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(url);
}

// The proxy runs only where it has work, as it costs about 0.6 ms a request (Next reads this config as a literal: no
// shared constants in it):
// - editor and admin pages;
// - the default locale's prefix (`/en/…`);
// - `/claims` in any locale with a view parameter (bare `/claims` is rewritten by next.config.js; an empty field
//   counts as absent, as in the form's `?q=&rating=false&…`);
// - public pages without a locale, when the reader chose a language other than English in the switcher (its cookie),
//   or has not chosen and their browser lists a language other than English (the proxy then sends them on only if
//   that language is one of Claimdesk's and preferred to English).
export const config = {
  matcher: [
    "/editor/:path*",
    "/admin/:path*",
    "/en",
    "/en/:path*",
    { source: "/:locale([a-z]{2,3})?/claims", has: [{ type: "query", key: "q" }] },
    { source: "/:locale([a-z]{2,3})?/claims", has: [{ type: "query", key: "rating" }] },
    { source: "/:locale([a-z]{2,3})?/claims", has: [{ type: "query", key: "claimant" }] },
    { source: "/:locale([a-z]{2,3})?/claims", has: [{ type: "query", key: "dispute" }] },
    { source: "/:locale([a-z]{2,3})?/claims", has: [{ type: "query", key: "from" }] },
    { source: "/:locale([a-z]{2,3})?/claims", has: [{ type: "query", key: "to" }] },
    { source: "/:locale([a-z]{2,3})?/claims", has: [{ type: "query", key: "sort" }] },
    { source: "/:locale([a-z]{2,3})?/claims", has: [{ type: "query", key: "page" }] },
    {
      source: "/((?:claims|claimants|documents|disputes|corrections|methodology)(?:/.*)?)?",
      has: [{ type: "cookie", key: "NEXT_LOCALE", value: "(?!en$).+" }],
    },
    {
      source: "/((?:claims|claimants|documents|disputes|corrections|methodology)(?:/.*)?)?",
      missing: [{ type: "cookie", key: "NEXT_LOCALE" }],
      has: [{ type: "header", key: "accept-language", value: "(?:.*,)?\\s*(?!en\\b)[a-zA-Z]{2,3}\\b.*" }],
    },
  ],
};
