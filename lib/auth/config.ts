import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema";
import { secureCookiesOption } from "@/lib/config/transport-security";

/** A request header set by `proxy.ts`: the page a signed-out visitor should come back to. */
export const PATH_HEADER = "x-claimdesk-path";

/** How long a session lasts from sign-in: its cookie's lifetime, and its database row's. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * The part of the Auth.js configuration that needs no database: `proxy.ts` uses it to
 * read the session cookie. Sessions are JWTs carrying the user's id and role and the id
 * of the session's row in the database (`sessions`), which every request checks is live
 * (lib/auth/session.ts): signing out ends it. The role in the token is only a hint for
 * the UI — services read the current role from the database. With an HTTPS
 * PUBLIC_BASE_URL the cookies are always `Secure`.
 */
export const authConfig = {
  trustHost: true,
  useSecureCookies: secureCookiesOption(process.env.PUBLIC_BASE_URL),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { role?: Role; sessionId?: string };
        token.uid = Number(user.id);
        token.role = u.role;
        token.sid = u.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = String(token.uid ?? "");
        session.user.role = token.role as Role;
        // Not a credential: a cookie naming it can only be made with AUTH_SECRET.
        session.user.sid = token.sid ?? "";
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
