import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig, PATH_HEADER } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

/**
 * Optimistic redirect only: an anonymous visit to an editor or admin page goes to the
 * sign-in page and comes back afterwards. Every page and service checks the user itself.
 */
export default auth((req) => {
  const path = req.nextUrl.pathname + req.nextUrl.search;
  if (req.auth?.user) {
    const headers = new Headers(req.headers);
    headers.set(PATH_HEADER, path);
    return NextResponse.next({ request: { headers } });
  }
  const url = new URL("/login", req.nextUrl.origin);
  url.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(url);
});

export const config = { matcher: ["/editor/:path*", "/admin/:path*"] };
