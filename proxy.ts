import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);

/**
 * Optimistic redirect only: an anonymous visit to an editor or admin page goes to the
 * sign-in page and comes back afterwards. Every page and service checks the user itself.
 */
export default auth((req) => {
  if (req.auth?.user) return NextResponse.next();
  const url = new URL("/login", req.nextUrl.origin);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
});

export const config = { matcher: ["/editor/:path*", "/admin/:path*"] };
