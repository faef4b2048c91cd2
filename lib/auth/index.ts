import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInWithPassword } from "@/lib/services/auth/authenticate";
import { endSession } from "@/lib/services/auth/sessions";
import { authConfig } from "./config";

/** A refused sign-in; `code` is `invalid` or `locked`, `retryAfterSeconds` set when locked. */
export class LoginRefused extends CredentialsSignin {
  constructor(
    code: "invalid" | "locked",
    readonly retryAfterSeconds?: number,
  ) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password || password.length > 200) throw new LoginRefused("invalid");
        const result = await signInWithPassword(email, password);
        if (!result.ok)
          throw new LoginRefused(result.reason, result.reason === "locked" ? result.retryAfterSeconds : undefined);
        const { id, email: address, name, role } = result.user;
        return { id: String(id), email: address, name, role, sessionId: result.sessionId };
      },
    }),
  ],
  events: {
    // Signing out, by the header's button (lib/auth/actions.ts) or POST /api/auth/signout, ends the session's row.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string" && sid) await endSession(sid);
    },
  },
  logger: {
    // A refused sign-in is an expected outcome, not a server error.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
});
