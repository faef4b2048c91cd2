import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "@/lib/services/auth/authenticate";
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
        const result = await authenticate(email, password);
        if (!result.ok)
          throw new LoginRefused(result.reason, result.reason === "locked" ? result.retryAfterSeconds : undefined);
        const { id, email: address, name, role, sessionVersion } = result.user;
        return { id: String(id), email: address, name, role, sessionVersion };
      },
    }),
  ],
  logger: {
    // A refused sign-in is an expected outcome, not a server error.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
});
