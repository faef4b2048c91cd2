import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema";

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
        token.uid = Number(user.id);
        token.role = (user as { role?: Role }).role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = String(token.uid ?? "");
        session.user.role = token.role as Role;
      }
      return session;
    },
  },
} satisfies NextAuthConfig;
