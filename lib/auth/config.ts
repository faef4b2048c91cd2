import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema";

/** A request header set by `proxy.ts`: the page a signed-out visitor should come back to. */
export const PATH_HEADER = "x-claimdesk-path";

/**
 * The part of the Auth.js configuration that needs no database: `proxy.ts` uses it to
 * read the session cookie. Sessions are JWTs carrying the user's id and role; the role in
 * the token is only a hint for the UI — services read the current role from the database.
 */
export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { role?: Role; sessionVersion?: number };
        token.uid = Number(user.id);
        token.role = u.role;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = String(token.uid ?? "");
        session.user.role = token.role as Role;
        session.user.sessionVersion = token.sv ?? 0;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
